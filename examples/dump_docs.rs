fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let loaded = attache::corpus::load(&paths, &Default::default());
    for d in &loaded.documents {
        println!("=== {} | {:?}\n{}\n", d.path, d.title, d.text);
    }
}
