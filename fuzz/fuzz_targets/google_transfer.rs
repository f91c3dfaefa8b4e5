//! The `google_transfer` target: its properties are `kapukulcs_fuzz::google_transfer`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| kapukulcs_fuzz::google_transfer(input));
