//! The `bundle` target: its properties are `kapukulcs_fuzz::bundle`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| kapukulcs_fuzz::bundle(input));
