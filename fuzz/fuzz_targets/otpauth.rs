//! The `otpauth` target: its properties are `kapukulcs_fuzz::otpauth`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| kapukulcs_fuzz::otpauth(input));
