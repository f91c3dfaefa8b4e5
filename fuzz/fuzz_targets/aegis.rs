//! The `aegis` target: its properties are `kapukulcs_fuzz::aegis_export`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| kapukulcs_fuzz::aegis_export(input));
