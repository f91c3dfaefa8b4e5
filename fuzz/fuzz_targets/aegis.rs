//! Aegis exports (plain JSON). Properties: nothing panics, and no message
//! about a left-out entry quotes a key the file carried.
#![no_main]

use kapukulcs::formats::aegis::import;
use kapukulcs_fuzz::assert_no_secret;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    if let Ok(imported) = import(input) {
        for skipped in &imported.skipped {
            assert_no_secret(&text, &skipped.words(), None);
        }
    }
});
