//! Evaluation of summaries against references.
//!
//! [`rouge`] implements the EASC protocol `easc-rouge-ar/1` (the same figures
//! as `rouge_ar.py`).

pub mod rouge;
