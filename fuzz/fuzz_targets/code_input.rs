//! The `code_input` target: its properties are `kapukulcs_fuzz::code_input`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| kapukulcs_fuzz::code_input(input));
