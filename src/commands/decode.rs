//! `kapukulcs dekodol KÉP...`: the otpauth URI in each picture, one line per
//! picture. When a picture holds several QR codes the otpauth one is taken;
//! when it holds none, the message says what it did hold.

use std::{io::Write, path::PathBuf};

use crate::{
    commands::options::HelpFlag,
    error::{Error, report},
    fl,
    prompter::print,
    qr::picture::read_account,
};

/// The command line of `dekodol`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// The pictures, in the order given.
    #[arg(value_name = fl!("help-value-image"), required = true, num_args = 1.., help_heading = fl!("help-arguments-heading"), help = fl!("help-decode-images"))]
    pub images: Vec<PathBuf>,
}

/// Prints the URI of every picture; reports each failure and goes on, so
/// one bad file does not hide the others.
pub fn run(images: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Error> {
    let mut failed = false;
    for image in images {
        match read_account(image) {
            Ok((uri, _)) => {
                print(out, uri.expose())?;
            }
            Err(error) => {
                report(err, &error.into());
                failed = true;
            }
        }
    }
    if failed { Err(Error::Reported) } else { Ok(()) }
}
