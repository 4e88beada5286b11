//! Debug helper: prints layout and units of JSONL `text` fields or arguments.
fn main() {
    for t in std::env::args().skip(1) {
        let t = t.replace("\\n", "\n");
        println!("layout={:?}", khulasa::segment::detect_layout(&t));
        for s in khulasa::segment::segment(&t) {
            println!("  {:?} {:?} {:?}", s.kind, s.lang, s.span.slice(&t));
        }
    }
}
