//! The bundled demo corpus, compiled into the binary so that it needs no files.

/// (file name, text) of each bundled article, in order.
pub const EMBEDDED: [(&str, &str); 5] = [
    (
        "000_8289c1f155d94d1b.txt",
        include_str!("../../assets/corpus/000_8289c1f155d94d1b.txt"),
    ),
    (
        "001_3f5d1c33c9c20a76.txt",
        include_str!("../../assets/corpus/001_3f5d1c33c9c20a76.txt"),
    ),
    (
        "002_c00b228c42aec0fc.txt",
        include_str!("../../assets/corpus/002_c00b228c42aec0fc.txt"),
    ),
    (
        "003_e37d3a62f785454b.txt",
        include_str!("../../assets/corpus/003_e37d3a62f785454b.txt"),
    ),
    (
        "004_4057a1858cb80fb9.txt",
        include_str!("../../assets/corpus/004_4057a1858cb80fb9.txt"),
    ),
];
