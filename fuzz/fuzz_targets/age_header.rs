//! The age header read by hand (before any key is tried). Properties:
//! nothing panics, and the payload never starts past the end of the file.
#![no_main]

use kapukulcs::vault::header::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    if let Ok(header) = parse(input) {
        assert!(header.payload_start <= input.len());
    }
});
