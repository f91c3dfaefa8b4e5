//! The bundle's plaintext after decryption: a tar archive with a JSON
//! manifest. Properties: nothing panics; a bundle that reads is written
//! again and reads back to the same archive (the manifest round-trips).
#![no_main]

use kapukulcs::vault::bundle::{from_tar, to_tar};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Ok(contents) = from_tar(input) else {
        return;
    };
    let Ok(written) = to_tar(&contents.family, &contents.recipients, contents.saved) else {
        // A hand-made URI too long to draw is an error, not a panic.
        return;
    };
    let again = from_tar(&written).expect("a bundle this program wrote reads");
    let rewritten = to_tar(&again.family, &again.recipients, again.saved).expect("drawn before");
    assert!(
        written[..] == rewritten[..],
        "written, read and written again differs"
    );
});
