//! `kapukulcs kod`: the current code of a key or otpauth URI read from
//! standard input, like `oathtool --totp`. Codes have 6, 7 or 8 digits
//! (RFC 6238): a URI says how many, `--digits` does for a bare key. The
//! code goes to standard output alone, so `$(kapukulcs kod)` is just the
//! code; the seconds left go to standard error.

use std::io::{Read, Write};

use zeroize::Zeroizing;

use crate::{
    clock::Clock,
    commands::options::HelpFlag,
    error::Error,
    fl,
    formats::otpauth::{Algorithm, DEFAULT_DIGITS, DEFAULT_PERIOD, Key, OtpAuth, is_otpauth},
    prompter::print,
    totp,
};

/// The command line of `kod`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--time`: compute for this Unix time instead of now.
    #[arg(long, value_name = fl!("help-value-unix"), help = fl!("help-code-time"))]
    pub time: Option<u64>,
    /// `--digits`.
    #[arg(long, value_name = "6|7|8", value_parser = ["6", "7", "8"], hide_possible_values = true, help = fl!("help-code-digits"))]
    pub digits: Option<String>,
    /// `--period`.
    #[arg(long, value_name = fl!("help-value-seconds"), value_parser = clap::value_parser!(u32).range(1..=3600), help = fl!("help-code-period"))]
    pub period: Option<u32>,
    /// `--algorithm`.
    #[arg(long, value_name = "SHA1|SHA256|SHA512", value_parser = ["SHA1", "SHA256", "SHA512"], hide_possible_values = true, ignore_case = true, help = fl!("help-code-algorithm"))]
    pub algorithm: Option<String>,
}

impl Options {
    /// The options checked, with the defaults filled in.
    pub fn checked(&self) -> CodeArgs {
        CodeArgs {
            time: self.time,
            digits: self
                .digits
                .as_deref()
                .and_then(|d| d.parse().ok())
                .unwrap_or(DEFAULT_DIGITS),
            period: self.period.unwrap_or(DEFAULT_PERIOD),
            algorithm: match self
                .algorithm
                .as_deref()
                .map(str::to_ascii_uppercase)
                .as_deref()
            {
                Some("SHA256") => Algorithm::Sha256,
                Some("SHA512") => Algorithm::Sha512,
                _ => Algorithm::Sha1,
            },
        }
    }
}

/// Options of `kod`, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct CodeArgs {
    /// Compute for this Unix time instead of now.
    pub time: Option<u64>,
    /// Digits for a bare key (a URI carries its own).
    pub digits: u8,
    /// Period for a bare key.
    pub period: u32,
    /// Algorithm for a bare key.
    pub algorithm: Algorithm,
}

/// Reads the account from `input`: the first non-empty line, either an
/// otpauth URI (which carries its own parameters) or a bare key (which
/// takes them from `args`).
pub fn read_account(args: &CodeArgs, input: &mut dyn Read) -> Result<OtpAuth, Error> {
    let mut text = Zeroizing::new(String::new());
    input.read_to_string(&mut text).map_err(Error::Stdin)?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .ok_or(Error::StdinEmpty)?;
    if is_otpauth(line) {
        return Ok(OtpAuth::parse(line)?);
    }
    let mut account = OtpAuth::new(None, String::new(), Key::parse(line)?);
    account.digits = args.digits;
    account.period = args.period;
    account.algorithm = args.algorithm;
    Ok(account)
}

/// Runs the command at the clock's time unless `--time` says otherwise.
pub fn run(
    args: &CodeArgs,
    input: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    clock: &Clock,
) -> Result<(), Error> {
    let account = read_account(args, input)?;
    let moment = args.time.unwrap_or_else(|| clock.unix());
    let code = totp::generate(&account, moment);
    let left = totp::seconds_left(&account, moment);
    // The code is the output: a failed write is the command's failure
    // (a closed pipe ends quietly, see `prompter::Output`).
    print(out, &code)?;
    // Standard error has nowhere to report its own failure.
    let _ = writeln!(
        err,
        "{}",
        fl!("info-seconds-left", seconds = left.to_string())
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn epoch() -> Clock {
        Clock::fixed(time::OffsetDateTime::UNIX_EPOCH)
    }

    fn args(time: u64) -> CodeArgs {
        CodeArgs {
            time: Some(time),
            digits: 8,
            period: 30,
            algorithm: Algorithm::Sha1,
        }
    }

    fn code_for(args: &CodeArgs, input: &str) -> Result<String, Error> {
        let mut out = Vec::new();
        let mut err = Vec::new();
        run(args, &mut input.as_bytes(), &mut out, &mut err, &epoch())?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn bare_key_uses_the_flags() {
        // RFC 6238 SHA1 seed "12345678901234567890" in base32, at T=59.
        let key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(
            code_for(&args(59), &format!("\n  {key}\n")).unwrap(),
            "94287082\n"
        );
    }

    #[test]
    fn uri_carries_its_own_parameters() {
        let uri = "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=6";
        assert_eq!(code_for(&args(59), uri).unwrap(), "287082\n");
    }

    #[test]
    fn a_seven_digit_uri_gives_seven_digits() {
        // RFC 6238 SHA256 seed at T=59: 46119246 in eight digits; seven is
        // the same value modulo 10^7 (RFC 4226 section 5.3).
        let uri = "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&algorithm=SHA256&digits=7";
        assert_eq!(code_for(&args(59), uri).unwrap(), "6119246\n");
    }

    #[test]
    fn seconds_left_go_to_stderr() {
        let mut out = Vec::new();
        let mut err = Vec::new();
        run(
            &args(59),
            &mut "GEZDGNBVGY3TQOJQ".as_bytes(),
            &mut out,
            &mut err,
            &epoch(),
        )
        .unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains('1'), "{err}");
    }

    #[test]
    fn empty_and_bad_input_are_errors() {
        assert!(matches!(
            code_for(&args(0), " \n\n"),
            Err(Error::StdinEmpty)
        ));
        assert!(matches!(code_for(&args(0), "ABC0"), Err(Error::Key(_))));
        assert!(matches!(
            code_for(&args(0), "otpauth://hotp/x?secret=GEZDGNBV"),
            Err(Error::Uri(crate::formats::otpauth::UriError::Hotp))
        ));
    }
}
