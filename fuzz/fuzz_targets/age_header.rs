//! The `age_header` target: its properties are `kapukulcs_fuzz::age_header`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| kapukulcs_fuzz::age_header(input));
