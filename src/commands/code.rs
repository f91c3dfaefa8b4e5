//! `kapukulcs kod`: the current code of a key or otpauth URI read from
//! standard input, like `oathtool --totp`. The code goes to standard output
//! alone, so `$(kapukulcs kod)` is just the code; the seconds left go to
//! standard error.

use std::io::{Read, Write};

use zeroize::Zeroizing;

use crate::{
    cli::CodeArgs,
    error::Error,
    fl,
    otpauth::{Key, OtpAuth, is_otpauth},
    totp,
};

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

/// Runs the command at `now` (Unix seconds) unless `--time` says otherwise.
pub fn run(
    args: &CodeArgs,
    input: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    now: u64,
) -> Result<(), Error> {
    let account = read_account(args, input)?;
    let moment = args.time.unwrap_or(now);
    let code = totp::generate(&account, moment);
    let left = totp::seconds_left(&account, moment);
    // A closed pipe is not the user's problem to fix; ignore write errors.
    let _ = writeln!(out, "{code}");
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
    use crate::otpauth::Algorithm;

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
        run(args, &mut input.as_bytes(), &mut out, &mut err, 0)?;
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
    fn seconds_left_go_to_stderr() {
        let mut out = Vec::new();
        let mut err = Vec::new();
        run(
            &args(59),
            &mut "GEZDGNBVGY3TQOJQ".as_bytes(),
            &mut out,
            &mut err,
            0,
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
            Err(Error::Uri(crate::otpauth::UriError::Hotp))
        ));
    }
}
