//! Google Authenticator transfer codes (`otpauth-migration://`, a protobuf
//! in base64). The first byte picks the input's form: the protobuf bytes
//! wrapped in a URI (so the fuzzer works on the protobuf itself), or the
//! whole text. Properties: nothing panics; the accounts of a code that
//! reads are written again (`encode`) and read back the same.
#![no_main]

use kapukulcs::formats::google_transfer::{decode, encode, representable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((&form, rest)) = input.split_first() else {
        return;
    };
    let uri = if form % 2 == 0 {
        format!(
            "otpauth-migration://offline?data={}",
            data_encoding::BASE64URL_NOPAD.encode(rest)
        )
    } else {
        String::from_utf8_lossy(rest).into_owned()
    };
    let Ok(batch) = decode(&uri) else {
        return;
    };
    let accounts: Vec<_> = batch
        .accounts
        .iter()
        .filter(|account| representable(account))
        .cloned()
        .collect();
    let again: Vec<_> = encode(&accounts, 7)
        .iter()
        .flat_map(|code| {
            decode(code.expose())
                .expect("a code this program wrote reads")
                .accounts
        })
        .collect();
    assert!(again == accounts, "written and read again differs");
});
