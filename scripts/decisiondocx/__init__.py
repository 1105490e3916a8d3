"""The parts of scripts/make-decision-docx: parsing the text, building the document, its package parts, the self-test."""
