//! Candidate retrieval: every dataset row as a short text (its description, the measures'
//! descriptions and the dataset title) in a tantivy RAM index, searched by BM25 with a claim's
//! sentence, analysed by the corpus analyzer `claimdex_en`.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED,
};
use tantivy::{doc, Index, IndexReader, TantivyDocument, Term};

use crate::datasets::{Dataset, Role};
use crate::index::analyzer;

/// The rows of all datasets, searchable by a claim's words.
pub struct RowIndex {
    reader: IndexReader,
    text: Field,
    dataset: Field,
    row: Field,
}

/// One retrieved row: dataset index, row index, BM25 score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub dataset: usize,
    pub row: usize,
    pub score: f32,
}

impl RowIndex {
    pub fn build(datasets: &[Dataset]) -> tantivy::Result<RowIndex> {
        let mut builder = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer::EN)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let text = builder.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(indexing),
        );
        let dataset_field = builder.add_u64_field("dataset", STORED);
        let row_field = builder.add_u64_field("row", STORED);
        let index = Index::create_in_ram(builder.build());
        analyzer::register(&index);
        let mut writer = index.writer_with_num_threads(1, 30_000_000)?;
        for (dataset_idx, dataset) in datasets.iter().enumerate() {
            let measures: Vec<&str> = dataset
                .manifest
                .columns
                .iter()
                .filter(|column| column.role == Role::Measure)
                .map(|column| column.description.as_str())
                .collect();
            let shared = format!("{} {}", dataset.manifest.title, measures.join(" "));
            for (row_idx, row) in dataset.rows.iter().enumerate() {
                writer.add_document(doc!(
                    text => format!("{} {shared}", dataset.describe_row(row)),
                    dataset_field => dataset_idx as u64,
                    row_field => row_idx as u64,
                ))?;
            }
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(RowIndex {
            reader,
            text,
            dataset: dataset_field,
            row: row_field,
        })
    }

    /// The best `limit` rows for `text`, best first.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Candidate> {
        let mut english = analyzer::english();
        let mut terms: Vec<String> = analyzer::tokens(&mut english, text)
            .into_iter()
            .map(|(term, _, _)| term)
            .collect();
        terms.sort();
        terms.dedup();
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|term| {
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.text, term),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, query)
            })
            .collect();
        if clauses.is_empty() {
            return Vec::new();
        }
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        ) else {
            return Vec::new();
        };
        top.into_iter()
            .filter_map(|(score, address)| {
                let stored: TantivyDocument = searcher.doc(address).ok()?;
                let dataset = stored.get_first(self.dataset).and_then(|v| v.as_u64())?;
                let row = stored.get_first(self.row).and_then(|v| v.as_u64())?;
                Some(Candidate {
                    dataset: dataset as usize,
                    row: row as usize,
                    score,
                })
            })
            .collect()
    }
}
