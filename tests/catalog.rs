//! The embedded catalog is valid and large enough; user catalogs add, override and report.

#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)] // a failed expectation is a failed test

use stackradar::ProblemKind;
use stackradar::catalog::{Catalog, CatalogError, Category, parse, user};
use std::collections::HashMap;

#[test]
fn embedded_catalog_is_clean_and_broad() {
    let (catalog, problems) = Catalog::embedded();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(catalog.technologies().len() >= 600, "{}", catalog.technologies().len());
    assert!(catalog.organisations().len() >= 100);
    let mut per_category: HashMap<Category, usize> = HashMap::new();
    for tech in catalog.technologies() {
        *per_category.entry(tech.category).or_default() += 1;
    }
    for category in Category::ALL {
        assert!(per_category.get(&category).copied().unwrap_or(0) >= 5, "{category:?}");
    }
}

#[test]
fn no_alias_text_is_claimed_twice_without_rules() {
    let (catalog, _) = Catalog::embedded();
    let mut plain: HashMap<String, &str> = HashMap::new();
    for tech in catalog.technologies() {
        for form in tech.match_forms().into_iter().filter(|f| !f.has_rules()) {
            let key = form.text.to_ascii_lowercase();
            if let Some(other) = plain.insert(key.clone(), &tech.id) {
                assert_eq!(other, tech.id, "{key:?} means both {other} and {}", tech.id);
            }
        }
    }
}

#[test]
fn match_forms_add_name_id_and_joined_variants() {
    let (catalog, _) = Catalog::embedded();
    let id = catalog.tool_id("spring-cloud").expect("spring-cloud");
    let forms: Vec<String> =
        catalog.tool(id).expect("tool").match_forms().into_iter().map(|f| f.text).collect();
    for expected in ["Spring Cloud", "spring-cloud", "SpringCloud"] {
        assert!(forms.iter().any(|f| f.eq_ignore_ascii_case(expected)), "{expected} in {forms:?}");
    }
}

#[test]
fn broken_files_and_entries_are_reported_not_fatal() {
    let cases: &[(&str, usize, usize)] = &[
        // (json, technologies kept, errors)
        ("not json", 0, 1),
        ("{\"technologies\": 3}", 0, 1),
        ("{\"tech\": []}", 0, 1),
        ("{\"technologies\": [{\"id\": \"Bad Id\", \"name\": \"x\", \"category\": \"os\"}]}", 0, 1),
        ("{\"technologies\": [{\"id\": \"x\", \"name\": \"X\", \"category\": \"nope\"}]}", 0, 1),
        ("{\"technologies\": [{\"id\": \"x\", \"name\": \"\", \"category\": \"os\"}]}", 0, 1),
        (
            "{\"technologies\": [{\"id\": \"x\", \"name\": \"X\", \"category\": \"os\", \"aliases\": [\"\"]}]}",
            0,
            1,
        ),
        (
            "{\"technologies\": [{\"id\": \"x\", \"name\": \"X\", \"category\": \"os\", \"aliases\": [{\"txt\": \"a\"}]}]}",
            0,
            1,
        ),
        ("{\"technologies\": [{\"id\": \"x\", \"name\": \"X\", \"category\": \"os\"}, 5]}", 1, 1),
        ("{\"organisations\": [{\"id\": \"acme\", \"name\": \"Acme\"}]}", 0, 0),
    ];
    for (json, kept, errors) in cases {
        let (data, errs) = parse(json);
        assert_eq!(data.technologies.len(), *kept, "{json}");
        assert_eq!(errs.len(), *errors, "{json}: {errs:?}");
    }
    let (_, errs) = parse("{\"technologies\": [{\"id\": \"Bad\", \"name\": \"x\", \"category\": \"os\"}]}");
    assert!(matches!(&errs[0], CatalogError::Entry { id, .. } if id == "Bad"));
    assert!(errs[0].to_string().contains("kebab-case"), "{}", errs[0]);
}

#[test]
fn user_catalog_adds_and_overrides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(user::FILE_NAME);
    std::fs::write(
        &path,
        r#"{"technologies": [
            {"id": "calico", "name": "Calico (ours)", "category": "networking"},
            {"id": "inhouse-mesh", "name": "InHouseMesh", "category": "service-mesh"},
            {"id": "BROKEN", "name": "x", "category": "os"}]}"#,
    )
    .expect("write");
    let (mut catalog, _) = Catalog::embedded();
    let before = catalog.technologies().len();
    let problems = user::apply(
        &mut catalog,
        &[user::CatalogFile::at(path.clone()), user::CatalogFile::at(dir.path().join("absent.json"))],
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::Catalog);
    assert_eq!(catalog.technologies().len(), before + 1);
    let calico = catalog.tool_id("calico").and_then(|id| catalog.tool(id)).expect("calico");
    assert_eq!(calico.name, "Calico (ours)");
    assert!(catalog.tool_id("inhouse-mesh").is_some());

    std::fs::write(&path, "{ nope").expect("write");
    let problems = user::apply(&mut catalog, &[user::CatalogFile::at(path)]);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("not a catalog file"), "{}", problems[0].message);
}
