//! otpauth URIs and keys as people type them. Properties: nothing panics;
//! a URI that parses prints back (`to_uri`) and parses again to the same
//! account; a key that parses reads back to the same bytes; no error text
//! quotes the key the input carried.
#![no_main]

use kapukulcs::{
    formats::otpauth::{Key, OtpAuth},
    i18n::Explain,
};
use kapukulcs_fuzz::assert_no_secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    match OtpAuth::parse(input) {
        Ok(account) => {
            let again = OtpAuth::parse(account.to_uri().expose())
                .expect("a URI this program printed parses again");
            assert!(again == account, "printed and parsed again differs");
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
    match Key::parse(input) {
        Ok(key) => {
            let again = Key::parse(key.text().expose()).expect("a key as shown parses again");
            assert!(again == key, "a key read back differs");
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
});
