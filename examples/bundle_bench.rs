//! Times opening a 10-person bundle: age decryption (with the work factor
//! every bundle is written with, 2^18, and with a low one to show the cost
//! of everything else), manifest parsing and file checks.
//! `cargo run --release --example bundle_bench`; add `-- --max` to time the
//! highest factor opening accepts, 2^22 (4 GiB of memory, once).

use std::time::{Duration, Instant};

use kapukulcs::{
    family::{DeletionCode, Family, Member, Picture},
    formats::otpauth::{Key, OtpAuth},
    qr::draw,
    secret::SecretString,
    vault::{
        bundle,
        crypt::{self, Lock, Unlock},
    },
};
use time::OffsetDateTime;

fn family() -> Family {
    let mut family = Family::default();
    for index in 0..10u8 {
        let key = Key::from_bytes((0..12).map(|b| b ^ index.wrapping_mul(31)).collect());
        let account = OtpAuth::new(
            Some("Ügyfélkapu+".into()),
            format!("csalad.tag{index}"),
            key,
        );
        let mut member = Member::new(
            format!("Családtag {index}"),
            account,
            OffsetDateTime::UNIX_EPOCH,
        );
        member.deletion_code = DeletionCode::parse("91390724").ok();
        // A screenshot-sized original picture (~250 kB) per person.
        let mut picture = draw::png(&member.original_uri, 8)
            .expect("a short URI fits a QR code")
            .expose()
            .to_vec();
        picture.resize(250_000, 0);
        member.picture = Some(Picture {
            file_name: format!("kep{index}.png"),
            bytes: kapukulcs::secret::SecretBytes::new(picture),
        });
        family.add(member).expect("distinct names");
    }
    family
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let family = family();
    let passphrase = SecretString::new("kert-alma-hegy-tavasz-77".into());
    let plaintext =
        bundle::to_tar(&family, &[], OffsetDateTime::UNIX_EPOCH).expect("the family packs");
    println!("10 people, plaintext {} kB", plaintext.len() / 1024);
    let mut rows = vec![
        ("portable scrypt (2^18)", crypt::WORK_FACTOR, 5),
        ("low scrypt (2^4)", 4, 20),
    ];
    if std::env::args().any(|arg| arg == "--max") {
        rows.push(("maximum scrypt (2^22)", crypt::MAX_WORK_FACTOR, 1));
    }
    for (label, work_factor, runs) in rows {
        let lock = Lock::Passphrase {
            passphrase: passphrase.clone(),
            work_factor: Some(work_factor),
        };
        let sealed = crypt::encrypt(&plaintext, &lock).expect("encrypts");
        let unlock = Unlock::Passphrase(passphrase.clone());
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let opened = crypt::decrypt(&sealed, &unlock).expect("decrypts");
                let contents = bundle::from_tar(&opened).expect("unpacks");
                assert_eq!(contents.family.members.len(), 10);
                start.elapsed()
            })
            .collect();
        println!(
            "open ({label}): median {:.1} ms over {runs} runs, bundle {} kB",
            median(times).as_secs_f64() * 1000.0,
            sealed.len() / 1024
        );
    }
}
