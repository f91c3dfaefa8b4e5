//! Writes the seed corpora of the fuzz targets (`fuzz/`) from real inputs:
//! the Aegis test exports, URIs as the portal and other apps write them,
//! transfer codes this program writes, a bundle's plaintext, and pictures
//! of the QR corpus in every format the reader takes. Seeds are small, so
//! the fuzzer spends its time on mutations rather than on big pictures.
//!
//! `cargo run --example fuzz_seed` (or `scripts/fuzz seed`) writes
//! `fuzz/corpus/TARGET/seed-*`; existing seeds are replaced, anything the
//! fuzzer added is kept.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::{fs, io::Cursor, path::Path};

use corpus::Class;
use image::ImageFormat;
use kapukulcs::{
    family::{DeletionCode, Family, Member},
    formats::{
        google_transfer,
        otpauth::{Key, OtpAuth},
    },
    vault::bundle,
};
use time::macros::datetime;

const URIS: &[&str] = &[
    "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.maria?secret=ABCDEFGHIJKLMNOPQRST&issuer=%C3%9Cgyf%C3%A9lkapu%2B",
    "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example",
    "otpauth://totp/U:maria?digits=6&secret=GEZDGNBVGY3TQOJQ&period=30&algorithm=SHA256",
    "otpauth://totp/U:maria?digits=6?secret=GEZDGNBVGY3TQOJQ",
    "otpauth://hotp/Counter?secret=JBSWY3DPEHPK3PXP&counter=3",
    "otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&encoder=steam",
    "JBSW Y3DP EHPK 3PXP",
    "abcd efgh ijkl mnop qrst",
];

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    fs::create_dir_all(&dir).expect("the corpus folder can be made");
    fs::write(dir.join(format!("seed-{name}")), bytes).expect("a seed can be written");
}

fn accounts() -> Vec<OtpAuth> {
    (0..3u8)
        .map(|index| {
            let bytes = (0..20u8)
                .map(|b| {
                    b.wrapping_mul(37)
                        .wrapping_add(index.wrapping_mul(101))
                        .wrapping_add(7)
                })
                .collect();
            OtpAuth::new(
                Some("Ügyfélkapu+".into()),
                format!("kovacs.{index}"),
                Key::from_bytes(bytes),
            )
        })
        .collect()
}

fn main() {
    let aegis = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/aegis");
    let plain = fs::read(aegis.join("plain.txt")).expect("tests/data/aegis/plain.txt");
    let json = fs::read(aegis.join("aegis_plain.json")).expect("tests/data/aegis/aegis_plain.json");

    for (index, uri) in URIS.iter().enumerate() {
        write("otpauth", &index.to_string(), uri.as_bytes());
        write(
            "code_input",
            &index.to_string(),
            format!("{uri}\n").as_bytes(),
        );
    }
    write("uri_list", "aegis-plain", &plain);
    write("uri_list", "uris", URIS.join("\n").as_bytes());
    write("code_input", "aegis-plain", &plain);
    write("aegis", "aegis-plain", &json);

    let codes = google_transfer::encode(&accounts(), 42);
    for (index, code) in codes.iter().enumerate() {
        let mut text = vec![1u8];
        text.extend_from_slice(code.expose().as_bytes());
        write("google_transfer", &format!("uri-{index}"), &text);
        write(
            "uri_list",
            &format!("transfer-{index}"),
            code.expose().as_bytes(),
        );
        // The protobuf alone, for the target's "bytes in a URI" form.
        let data = code.expose().split("data=").nth(1).expect("data=");
        let data = percent_encoding::percent_decode_str(data)
            .decode_utf8()
            .expect("ASCII");
        let bytes = data_encoding::BASE64_NOPAD
            .decode(data.trim_end_matches('=').as_bytes())
            .expect("the program writes base64");
        let mut protobuf = vec![0u8];
        protobuf.extend_from_slice(&bytes);
        write("google_transfer", &format!("protobuf-{index}"), &protobuf);
    }

    let mut family = Family::default();
    for (index, account) in accounts().into_iter().enumerate() {
        let name = ["Én", "Mama", "Papa"][index];
        let mut member = Member::new(name.into(), account, datetime!(2026-11-25 14:00 UTC));
        member.username = Some(format!("kovacs.{index}"));
        member.deletion_code = Some(DeletionCode::parse("91390724").expect("8 digits"));
        family.add(member).expect("distinct names");
    }
    let tar = bundle::to_tar(&family, &[], datetime!(2026-11-25 14:00 UTC)).expect("drawn");
    write("bundle", "family", &tar);
    let sealed = kapukulcs::vault::crypt::encrypt(
        &tar,
        &kapukulcs::vault::crypt::Lock::Passphrase {
            passphrase: kapukulcs::secret::SecretString::new("fuzz".into()),
            work_factor: Some(4),
        },
    )
    .expect("encrypts");
    // The header, and a little of the payload, for the header reader.
    write("age_header", "passphrase", &sealed[..sealed.len().min(400)]);

    // Pictures: small corpus samples, each in every format the reader takes.
    let formats = [
        (ImageFormat::Png, "png"),
        (ImageFormat::Jpeg, "jpg"),
        (ImageFormat::WebP, "webp"),
        (ImageFormat::Bmp, "bmp"),
        (ImageFormat::Gif, "gif"),
        (ImageFormat::Tiff, "tiff"),
    ];
    for (index, class) in [Class::Small, Class::Crop].into_iter().enumerate() {
        let sample = corpus::sample(7, class, index);
        let picture = image::load_from_memory(&sample.bytes).expect("the corpus decodes");
        let picture = picture.resize(160, 160, image::imageops::FilterType::Triangle);
        for (format, extension) in formats {
            let mut out = Cursor::new(Vec::new());
            let picture = match format {
                // JPEG and GIF take 8-bit RGB.
                ImageFormat::Jpeg | ImageFormat::Gif => {
                    image::DynamicImage::ImageRgb8(picture.to_rgb8())
                }
                _ => picture.clone(),
            };
            picture.write_to(&mut out, format).expect("encodes");
            write(
                "picture",
                &format!("{}-{index}.{extension}", class.name()),
                out.get_ref(),
            );
        }
    }
    println!("seeds written to fuzz/corpus/");
}
