//! TOTP codes (RFC 6238) computed the way the phone computes them, and the
//! check of a code the user reads off the phone.
//!
//! The time is always a parameter, so tests are exact. A code from the
//! current 30-second step or one step either side is accepted, as RFC 6238
//! section 5.2 recommends for network delay and a slow typist. A code that
//! matches a step further away (up to ten minutes) is not accepted, but is
//! reported as the phone's clock offset: the most common reason a freshly
//! scanned key "does not work".

use totp_rs::{Builder, Totp};

use crate::formats::otpauth::{Algorithm, OtpAuth};

/// How far either side of now a code is searched for to diagnose a wrong
/// phone clock, in seconds.
pub const CLOCK_SEARCH_SECONDS: u64 = 600;

/// The outcome of checking a code the user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// The code is right (within one step of now).
    Match,
    /// The code is the one for `seconds` from now: the phone's clock is that
    /// far ahead (positive) or behind (negative).
    ClockOffset {
        /// Phone time minus our time, a whole number of periods.
        seconds: i64,
    },
    /// The code belongs to no step within ten minutes.
    NoMatch,
}

fn totp(account: &OtpAuth) -> Totp {
    let algorithm = match account.algorithm {
        Algorithm::Sha1 => totp_rs::Algorithm::SHA1,
        Algorithm::Sha256 => totp_rs::Algorithm::SHA256,
        Algorithm::Sha512 => totp_rs::Algorithm::SHA512,
    };
    // build_noncompliant: Ügyfélkapu+ keys may be 96 bits, under the
    // 128-bit minimum that `build` insists on. Digits (6 to 8, RFC 6238
    // section 1.2) and the period (1..=3600) were checked when the account
    // was parsed.
    Builder::new()
        .with_algorithm(algorithm)
        .with_digits(account.digits)
        .with_step_duration(u64::from(account.period))
        .with_skew(0)
        .with_secret(account.key.bytes().expose().to_vec())
        .build_noncompliant()
}

/// The code for the moment `unix_time` (seconds since 1970).
pub fn generate(account: &OtpAuth, unix_time: u64) -> String {
    totp(account).generate(unix_time).to_string()
}

/// Seconds until the code shown at `unix_time` changes.
pub fn seconds_left(account: &OtpAuth, unix_time: u64) -> u64 {
    let period = u64::from(account.period);
    period - unix_time % period
}

/// Keeps only the digits of what the user typed ("123 456" and "123-456" are
/// common); `None` if anything else is there or the count is wrong.
pub fn normalize_code(typed: &str, digits: u8) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\t'))
        .collect();
    (code.len() == usize::from(digits) && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// Checks `typed` against the codes around `unix_time`.
pub fn verify(account: &OtpAuth, typed: &str, unix_time: u64) -> Verification {
    let Some(code) = normalize_code(typed, account.digits) else {
        return Verification::NoMatch;
    };
    let totp = totp(account);
    let period = u64::from(account.period);
    let step_matches = |offset: i64| {
        let moment = unix_time as i64 + offset * period as i64;
        moment >= 0 && totp.generate(moment as u64).to_string() == code
    };
    if (-1..=1).any(step_matches) {
        return Verification::Match;
    }
    let max_steps = (CLOCK_SEARCH_SECONDS / period).max(1) as i64;
    // Nearest steps first, so the smallest plausible offset is reported.
    for distance in 2..=max_steps {
        for offset in [distance, -distance] {
            if step_matches(offset) {
                return Verification::ClockOffset {
                    seconds: offset * period as i64,
                };
            }
        }
    }
    Verification::NoMatch
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::otpauth::Key;

    /// RFC 6238 appendix B: the seeds are the ASCII strings below, the codes
    /// 8 digits. (time, SHA1, SHA256, SHA512)
    const RFC6238: &[(u64, &str, &str, &str)] = &[
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ];
    const SEED_SHA1: &[u8] = b"12345678901234567890";
    const SEED_SHA256: &[u8] = b"12345678901234567890123456789012";
    const SEED_SHA512: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";

    fn account(seed: &[u8], algorithm: Algorithm, digits: u8) -> OtpAuth {
        let mut account = OtpAuth::new(None, "test".into(), Key::from_bytes(seed.to_vec()));
        account.algorithm = algorithm;
        account.digits = digits;
        account
    }

    #[test]
    fn rfc6238_test_vectors() {
        let sha1 = account(SEED_SHA1, Algorithm::Sha1, 8);
        let sha256 = account(SEED_SHA256, Algorithm::Sha256, 8);
        let sha512 = account(SEED_SHA512, Algorithm::Sha512, 8);
        for &(time, code1, code256, code512) in RFC6238 {
            assert_eq!(generate(&sha1, time), code1, "SHA1 at {time}");
            assert_eq!(generate(&sha256, time), code256, "SHA256 at {time}");
            assert_eq!(generate(&sha512, time), code512, "SHA512 at {time}");
        }
    }

    #[test]
    fn six_digits_are_the_last_six_of_eight() {
        let sha1 = account(SEED_SHA1, Algorithm::Sha1, 6);
        for &(time, code1, ..) in RFC6238 {
            assert_eq!(generate(&sha1, time), code1[2..], "at {time}");
        }
    }

    #[test]
    fn seven_digits_are_the_last_seven_of_eight() {
        // The code is the truncated value modulo 10^digits (RFC 4226 5.3).
        for (algorithm, seed, column) in [
            (Algorithm::Sha1, SEED_SHA1, 1),
            (Algorithm::Sha256, SEED_SHA256, 2),
            (Algorithm::Sha512, SEED_SHA512, 3),
        ] {
            let seven = account(seed, algorithm, 7);
            for row in RFC6238 {
                let eight = [row.1, row.2, row.3][column - 1];
                assert_eq!(
                    generate(&seven, row.0),
                    eight[1..],
                    "{algorithm:?} at {}",
                    row.0
                );
            }
        }
    }

    #[test]
    fn a_seven_digit_code_is_checked_as_typed() {
        let acc = account(SEED_SHA256, Algorithm::Sha256, 7);
        let now = 1_111_111_111;
        assert_eq!(verify(&acc, "7062674", now), Verification::Match);
        assert_eq!(verify(&acc, "706 2674", now), Verification::Match);
        assert_eq!(verify(&acc, "062674", now), Verification::NoMatch);
        assert_eq!(normalize_code("706-2674", 7).as_deref(), Some("7062674"));
        assert_eq!(normalize_code("67062674", 7), None);
    }

    #[test]
    fn verify_accepts_one_step_either_side() {
        let acc = account(SEED_SHA1, Algorithm::Sha1, 6);
        let now = 1_700_000_015;
        for offset in [-30i64, 0, 30] {
            let code = generate(&acc, (now as i64 + offset) as u64);
            assert_eq!(
                verify(&acc, &code, now),
                Verification::Match,
                "offset {offset}"
            );
        }
        let spaced = generate(&acc, now);
        let spaced = format!("{} {}", &spaced[..3], &spaced[3..]);
        assert_eq!(verify(&acc, &spaced, now), Verification::Match);
    }

    #[test]
    fn verify_reports_the_phone_clock_offset() {
        let acc = account(SEED_SHA1, Algorithm::Sha1, 6);
        let now = 1_700_000_015;
        for offset in [-600i64, -90, 60, 120, 570] {
            let code = generate(&acc, (now as i64 + offset) as u64);
            // A code of another step may collide by chance (1 in a million per
            // step); these fixed values are known not to.
            assert_eq!(
                verify(&acc, &code, now),
                Verification::ClockOffset { seconds: offset },
                "offset {offset}"
            );
        }
    }

    #[test]
    fn verify_rejects_far_codes_and_garbage() {
        let acc = account(SEED_SHA1, Algorithm::Sha1, 6);
        let now = 1_700_000_015;
        let far = generate(&acc, now + 3600);
        assert_eq!(verify(&acc, &far, now), Verification::NoMatch);
        for typed in ["", "12345", "1234567", "abcdef", "12345a"] {
            assert_eq!(verify(&acc, typed, now), Verification::NoMatch, "{typed:?}");
        }
    }

    #[test]
    fn verify_works_near_the_epoch() {
        let acc = account(SEED_SHA1, Algorithm::Sha1, 8);
        assert_eq!(verify(&acc, "94287082", 59), Verification::Match);
        assert_eq!(verify(&acc, "94287082", 0), Verification::Match);
    }

    #[test]
    fn seconds_left_counts_down_the_period() {
        let acc = account(SEED_SHA1, Algorithm::Sha1, 6);
        assert_eq!(seconds_left(&acc, 60), 30);
        assert_eq!(seconds_left(&acc, 59), 1);
        assert_eq!(seconds_left(&acc, 83), 7);
    }

    #[test]
    fn short_ugyfelkapu_keys_make_codes() {
        // A 96-bit key, under RFC 4226's 128-bit minimum, still works.
        let key = Key::parse("ABCDEFGHIJKLMNOPQRST").unwrap();
        let acc = OtpAuth::new(Some("Ügyfélkapu+".into()), "x".into(), key);
        let code = generate(&acc, 1_700_000_000);
        assert_eq!(code.len(), 6);
        assert_eq!(verify(&acc, &code, 1_700_000_000), Verification::Match);
    }
}
