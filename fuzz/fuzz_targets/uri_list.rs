//! The `uri_list` target: its properties are `kapukulcs_fuzz::uri_list`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| kapukulcs_fuzz::uri_list(input));
