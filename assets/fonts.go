package assets

import _ "embed"

// The report's fonts: DejaVu Sans, regular and bold, which cover Latin,
// Greek, Cyrillic, Hebrew, Arabic and many other scripts, under the
// licence in fonts/LICENSE-DejaVu. They have no Chinese, Japanese or
// Korean glyphs: a font that has them is tens of megabytes, so those
// characters print as blanks in a PDF report (the Markdown and HTML
// reports show them with the reader's own fonts).
var (
	//go:embed fonts/DejaVuSans.ttf
	ReportFont []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	ReportFontBold []byte
)
