//! Lists of otpauth URIs, one a line (transfer codes allowed). Properties:
//! nothing panics; every account read prints back and reads again the
//! same; no word about a left-out line quotes a key.
#![no_main]

use kapukulcs::formats::{otpauth::OtpAuth, uri_list::import};
use kapukulcs_fuzz::assert_no_secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let Ok(imported) = import(input) else {
        return;
    };
    for skipped in &imported.skipped {
        assert_no_secret(input, &skipped.words(), None);
    }
    for account in &imported.accounts {
        let again = OtpAuth::parse(account.to_uri().expose()).expect("a printed URI parses");
        assert!(&again == account, "printed and parsed again differs");
    }
});
