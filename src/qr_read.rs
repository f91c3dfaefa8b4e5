//! Reading QR codes from the pictures people really save: screenshots at
//! any scaling, tight crops, JPEG, dark pages, tiny codes and phone photos of
//! a monitor. Pure: bytes in, decoded texts out.
//!
//! A picture is first checked by its magic bytes and header (so a
//! decompression bomb or a HEIC photo is refused before any pixel is
//! decoded), then decoded to grey levels under [`image::Limits`], then looked
//! at in ever more expensive ways ([`STRATEGIES`]) until the code the caller
//! wants is found. The order was measured on the generated corpus in
//! `tests/support/corpus.rs`: see `examples/decode_bench.rs`.

use std::io::{Cursor, ErrorKind};

use image::{DynamicImage, GrayImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};

/// Why no QR text could be read from a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrReadError {
    /// The file has no bytes at all.
    Empty,
    /// The file starts like an image but ends early.
    Truncated,
    /// The bytes are not an image of any kind we recognise.
    NotAnImage,
    /// A real image format that is not supported (e.g. HEIC, AVIF, SVG).
    Unsupported {
        /// The format's common name.
        format: String,
    },
    /// The header claims more pixels than we are willing to decode.
    TooLarge {
        /// Claimed width in pixels.
        width: u32,
        /// Claimed height in pixels.
        height: u32,
    },
    /// The image data is damaged in the middle.
    Corrupt,
    /// The image decoded, but no QR code was found in it.
    NoQrCode,
}

/// The largest picture we decode, in pixels (an 8K screenshot is 33 Mpx).
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most memory any one decoder may ask for: [`MAX_PIXELS`] as 8-bit
/// RGBA, with room for a decoder's working rows.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 4 + (32 << 20);

/// Reads every QR code in `bytes`, escalating through [`STRATEGIES`] until
/// `wanted` accepts one of the texts found; returns every distinct text
/// found, the wanted ones first.
pub fn read_qr_codes(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<String>, QrReadError> {
    let luma = decode_luma(bytes)?;
    let mut found = Found::default();
    for &strategy in STRATEGIES {
        found.add(look(&luma, strategy));
        if found.texts.iter().any(|t| wanted(t)) {
            break;
        }
    }
    if found.texts.is_empty() {
        return Err(QrReadError::NoQrCode);
    }
    // A stable sort keeps the order found within each group.
    found.texts.sort_by_key(|t| !wanted(t));
    Ok(found.texts)
}

/// Distinct texts in the order they were first found.
#[derive(Default)]
struct Found {
    texts: Vec<String>,
}

impl Found {
    fn add(&mut self, texts: Vec<String>) {
        for text in texts {
            if !self.texts.contains(&text) {
                self.texts.push(text);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Looking for codes.

/// A QR detector and decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoder {
    /// rqrr, a port of quirc: a row-average threshold and capstone search.
    Rqrr,
    /// rxing, a port of ZXing: the hybrid (8×8-block) binarizer, which
    /// copes with uneven light, and zxing-cpp's finder-pattern search with
    /// "try harder".
    Rxing,
}

/// What the picture is turned into before a [`Decoder`] sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The grey picture as decoded.
    AsIs,
    /// The negative: light-on-dark codes on dark-themed pages.
    Negative,
    /// Halved by averaging 2×2 blocks.
    Halved,
    /// Resampled to 3/4: moves the sampling grid of a blurred photo.
    ThreeQuarters,
    /// A white margin added: a tight crop leaves no quiet zone.
    Padded,
    /// A Gaussian blur (σ = 1): smooths moiré and sensor noise.
    Smoothed,
    /// Doubled (bilinear), for codes under 2 px per module; only for
    /// pictures of at most [`ENLARGE_MAX_PIXELS`].
    Doubled,
}

/// One way of looking at the picture: a view and a decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy(pub Decoder, pub View);

/// The strategies [`read_qr_codes`] tries, in order. Measured on the
/// generated corpus (`cargo run --release --example decode_bench --
/// --strategies`): rxing as is reads every screenshot, crop, JPEG, small
/// and multi-code picture at a few milliseconds even at 4K, where rqrr
/// takes ten times longer and misses crops, dark cards and 2 px modules;
/// the negative reads light-on-dark codes; 3/4 resampling reads the blurred,
/// tilted photos no other view reads. The rest are cheap insurance for
/// pictures the corpus does not model, tried only when all else failed.
pub const STRATEGIES: &[Strategy] = &[
    Strategy(Decoder::Rxing, View::AsIs),
    Strategy(Decoder::Rxing, View::Negative),
    Strategy(Decoder::Rxing, View::ThreeQuarters),
    Strategy(Decoder::Rxing, View::Padded),
    Strategy(Decoder::Rxing, View::Smoothed),
    Strategy(Decoder::Rqrr, View::AsIs),
    Strategy(Decoder::Rqrr, View::Negative),
    Strategy(Decoder::Rxing, View::Doubled),
];

/// Every combination, for measuring which ones earn a place in [`STRATEGIES`].
pub const ALL_STRATEGIES: &[Strategy] = &{
    const VIEWS: [View; 7] = [
        View::AsIs,
        View::Negative,
        View::Halved,
        View::ThreeQuarters,
        View::Padded,
        View::Smoothed,
        View::Doubled,
    ];
    let mut all = [Strategy(Decoder::Rxing, View::AsIs); 14];
    let mut i = 0;
    while i < VIEWS.len() {
        all[2 * i] = Strategy(Decoder::Rxing, VIEWS[i]);
        all[2 * i + 1] = Strategy(Decoder::Rqrr, VIEWS[i]);
        i += 1;
    }
    all
};

/// The largest picture [`View::Doubled`] enlarges: a code under 2 px per
/// module comes from a small picture, and doubling a 4K screenshot would
/// cost 33 MB and a quarter of a second for nothing.
pub const ENLARGE_MAX_PIXELS: u64 = 4_000_000;

/// The texts `strategy` finds in `luma`, in the order found.
pub fn look(luma: &GrayImage, Strategy(decoder, view): Strategy) -> Vec<String> {
    let changed = match view {
        View::AsIs | View::Negative => None,
        View::Halved => Some(halved(luma)),
        View::ThreeQuarters => Some(resized(luma, 3, 4)),
        View::Padded => Some(padded(luma)),
        View::Smoothed => Some(image::imageops::blur(luma, 1.0)),
        View::Doubled if u64::from(luma.width()) * u64::from(luma.height()) <= ENLARGE_MAX_PIXELS => {
            Some(resized(luma, 2, 1))
        }
        View::Doubled => return Vec::new(),
    };
    let seen = changed.as_ref().unwrap_or(luma);
    let negative = view == View::Negative;
    match decoder {
        Decoder::Rxing => rxing_texts(seen, negative),
        Decoder::Rqrr if negative => rqrr_texts(negated(seen)),
        Decoder::Rqrr => rqrr_texts(changed.unwrap_or_else(|| luma.clone())),
    }
}

fn rqrr_texts(luma: GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(luma);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

fn rxing_texts(luma: &GrayImage, negative: bool) -> Vec<String> {
    use rxing::multi::MultipleBarcodeReader;
    use rxing::{BarcodeFormat, BinaryBitmap, DecodeHints, Luma8Source, LuminanceSource, common::HybridBinarizer};

    // Borrowed, not copied: a 4K picture is 8 MB of grey levels.
    let Ok(mut source) = Luma8Source::new_with_slice(luma.as_raw(), luma.width(), luma.height()) else {
        return Vec::new();
    };
    if negative {
        // A flag on the source, not a copy of the picture.
        source.invert();
    }
    let hints = DecodeHints {
        TryHarder: Some(true),
        PossibleFormats: Some([BarcodeFormat::QR_CODE].into()),
        ..DecodeHints::default()
    };
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    rxing::qrcode::cpp_port::QrReader
        .decode_multiple_with_hints(&mut bitmap, &hints)
        .map(|results| results.into_iter().map(|r| r.getText().to_string()).collect())
        .unwrap_or_default()
}

/// Halves both sides, averaging each 2×2 block.
fn halved(luma: &GrayImage) -> GrayImage {
    let (w, h) = (luma.width() / 2, luma.height() / 2);
    let stride = luma.width() as usize;
    let src = luma.as_raw();
    GrayImage::from_fn(w, h, |x, y| {
        let at = 2 * y as usize * stride + 2 * x as usize;
        let sum = u16::from(src[at]) + u16::from(src[at + 1]) + u16::from(src[at + stride]) + u16::from(src[at + stride + 1]);
        image::Luma([(sum / 4) as u8])
    })
}

/// Resamples by `num/den` with a triangle (bilinear) filter.
fn resized(luma: &GrayImage, num: u32, den: u32) -> GrayImage {
    let side = |v: u32| (u64::from(v) * u64::from(num) / u64::from(den)).max(1) as u32;
    image::imageops::resize(luma, side(luma.width()), side(luma.height()), image::imageops::FilterType::Triangle)
}

fn negated(luma: &GrayImage) -> GrayImage {
    let mut out = luma.clone();
    image::imageops::invert(&mut out);
    out
}

/// Adds a white margin of a tenth of the longer side (ISO 18004 asks for a
/// 4-module quiet zone; a code fills most of a tight crop, so a tenth of
/// the side is at least that).
fn padded(luma: &GrayImage) -> GrayImage {
    let margin = (luma.width().max(luma.height()) / 10).max(8);
    let mut out = GrayImage::from_pixel(luma.width() + 2 * margin, luma.height() + 2 * margin, image::Luma([255]));
    image::imageops::replace(&mut out, luma, i64::from(margin), i64::from(margin));
    out
}

// ---------------------------------------------------------------------------
// Decoding the file.

/// Decodes `bytes` to grey levels, refusing what is not a supported picture
/// before decoding any pixel.
pub fn decode_luma(bytes: &[u8]) -> Result<GrayImage, QrReadError> {
    if bytes.is_empty() {
        return Err(QrReadError::Empty);
    }
    let format = match image::guess_format(bytes) {
        Ok(format) if format.reading_enabled() => format,
        Ok(format) => return Err(unsupported(format_name(format))),
        Err(_) => return Err(sniff_other(bytes)),
    };
    // A PNG or JPEG that stops before its end marker is refused as truncated
    // even when the decoder would fill the missing rows with grey.
    let truncated = match format {
        ImageFormat::Png => png_is_truncated(bytes),
        ImageFormat::Jpeg => jpeg_is_truncated(bytes),
        _ => false,
    };
    if truncated {
        return Err(QrReadError::Truncated);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(u32::try_from(MAX_PIXELS).unwrap_or(u32::MAX));
    limits.max_image_height = Some(u32::try_from(MAX_PIXELS).unwrap_or(u32::MAX));
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrReadError::TooLarge { width, height });
    }
    let image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => QrReadError::TooLarge { width, height },
        e => classify(e),
    })?;
    Ok(image.into_luma8())
}

fn unsupported(format: &str) -> QrReadError {
    QrReadError::Unsupported {
        format: format.to_string(),
    }
}

/// The common name of a format `image` knows but we do not decode.
fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Avif => "AVIF",
        ImageFormat::Ico => "ICO",
        ImageFormat::Pnm => "PNM",
        ImageFormat::Tga => "TGA",
        ImageFormat::Dds => "DDS",
        ImageFormat::Hdr => "HDR",
        ImageFormat::OpenExr => "OpenEXR",
        ImageFormat::Farbfeld => "Farbfeld",
        ImageFormat::Qoi => "QOI",
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Gif => "GIF",
        ImageFormat::WebP => "WebP",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Bmp => "BMP",
        _ => "?",
    }
}

/// Signatures of the formats we decode, to call a cut-short header truncated.
const SIGNATURES: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF89a",
    b"GIF87a",
    b"II*\0",
    b"MM\0*",
];

/// Names the picture formats `image` does not recognise at all.
fn sniff_other(bytes: &[u8]) -> QrReadError {
    // ISO base media files (HEIF family): `ftyp` then the major brand.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brands = &bytes[8..bytes.len().min(64)];
        let has = |brand: &[u8]| brands.windows(4).any(|w| w == brand);
        if has(b"avif") || has(b"avis") {
            return unsupported("AVIF");
        }
        if has(b"heic")
            || has(b"heix")
            || has(b"hevc")
            || has(b"heif")
            || has(b"mif1")
            || has(b"msf1")
        {
            return unsupported("HEIC");
        }
    }
    if bytes.starts_with(b"%PDF") {
        return unsupported("PDF");
    }
    if bytes.starts_with(b"\xff\x0a") || bytes.starts_with(b"\0\0\0\x0cJXL \r\n\x87\n") {
        return unsupported("JPEG XL");
    }
    if bytes.starts_with(b"8BPS") {
        return unsupported("PSD");
    }
    if bytes.starts_with(b"%!PS") {
        return unsupported("PostScript");
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && text.contains("<svg")
    {
        return unsupported("SVG");
    }
    if bytes.len() < 12
        && SIGNATURES
            .iter()
            .any(|sig| sig.starts_with(bytes) || bytes.starts_with(sig))
    {
        return QrReadError::Truncated;
    }
    if bytes.starts_with(b"RIFF") && bytes.len() < 12 {
        return QrReadError::Truncated;
    }
    QrReadError::NotAnImage
}

/// Maps a decoder's error: running out of bytes is truncation (image 0.25
/// reports it as an `UnexpectedEof` I/O error, directly or as the source of
/// a decoding error); anything else the decoder rejects is corruption.
fn classify(error: ImageError) -> QrReadError {
    match &error {
        ImageError::IoError(e) if e.kind() == ErrorKind::UnexpectedEof => QrReadError::Truncated,
        ImageError::Unsupported(e) => match e.format_hint() {
            image::error::ImageFormatHint::Exact(format) => unsupported(format_name(format)),
            _ => QrReadError::Corrupt,
        },
        ImageError::Limits(_) => QrReadError::Corrupt,
        _ => {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
            while let Some(e) = source {
                if let Some(io) = e.downcast_ref::<std::io::Error>() {
                    if io.kind() == ErrorKind::UnexpectedEof {
                        return QrReadError::Truncated;
                    }
                }
                let text = e.to_string().to_ascii_lowercase();
                if text.contains("unexpected end") || text.contains("unexpected eof") {
                    return QrReadError::Truncated;
                }
                source = e.source();
            }
            QrReadError::Corrupt
        }
    }
}

/// True when a PNG's chunk list (PNG spec §5.3: length, type, data, CRC)
/// runs past the end of the file before `IEND`.
fn png_is_truncated(bytes: &[u8]) -> bool {
    let mut at = 8usize;
    loop {
        let Some(head) = bytes.get(at..at + 8) else {
            return true;
        };
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if &head[4..8] == b"IEND" {
            return false;
        }
        at = match at.checked_add(12 + length) {
            Some(next) if next <= bytes.len() => next,
            _ => return true,
        };
    }
}

/// True when a JPEG's marker segments (ITU T.81 §B.1) end before the EOI
/// marker. Segments are skipped by their lengths, so a thumbnail's own EOI
/// inside the EXIF segment does not count.
fn jpeg_is_truncated(bytes: &[u8]) -> bool {
    let mut at = 2usize;
    loop {
        while bytes.get(at).is_some_and(|&b| b != 0xff) {
            at += 1;
        }
        while bytes.get(at) == Some(&0xff) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return true;
        };
        at += 1;
        match marker {
            0xd9 => return false,
            0x01 | 0xd0..=0xd7 => continue,
            _ => {}
        }
        let Some(length) = bytes.get(at..at + 2) else {
            return true;
        };
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length < 2 {
            // Damaged rather than short: let the decoder say so.
            return false;
        }
        at += length;
        if at > bytes.len() {
            return true;
        }
        if marker == 0xda {
            // Entropy-coded data runs to the next marker that is neither a
            // stuffed 0xFF00 nor a restart marker.
            loop {
                match bytes.get(at..at + 2) {
                    None => return true,
                    Some([0xff, next]) if *next != 0 && !(0xd0..=0xd7).contains(next) => break,
                    Some(_) => at += 1,
                }
            }
        }
    }
}
