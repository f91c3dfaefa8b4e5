//! What `kod` reads from standard input: an otpauth URI or a bare key.
//! Properties: nothing panics, a code comes out of whatever reads, and no
//! error quotes the key.
#![no_main]

use kapukulcs::{
    commands::code::{CodeArgs, read_account},
    formats::otpauth::Algorithm,
    i18n::Explain,
    totp,
};
use kapukulcs_fuzz::assert_no_secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let args = CodeArgs {
        time: Some(1_700_000_000),
        digits: 6,
        period: 30,
        algorithm: Algorithm::Sha1,
    };
    match read_account(&args, &mut input.as_bytes()) {
        Ok(account) => {
            let code = totp::generate(&account, 1_700_000_000);
            assert_eq!(code.len(), usize::from(account.digits));
        }
        Err(error) => assert_no_secret(input, &error.message(), error.recovery()),
    }
});
