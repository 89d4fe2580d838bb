"""File formats: readers (a file or bytes → a document) and writers (notes, figures), one
module per format, registered by name and file pattern."""
