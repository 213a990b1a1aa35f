package store_test

import (
	"database/sql"
	"os"
	"testing"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, to read the journal's text as stored

	"github.com/throughline/throughline/journal/journaltest"
)

// Target: the journal file at 100,000 entries is no larger than twice
// the text it holds (titles, bodies and episodes, in bytes). Reports
// journal-MB, the file's size, and file/text, the ratio the target is
// on.
func BenchmarkJournalFile_100k(b *testing.B) {
	path := journaltest.Large(b)
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var text float64
	for b.Loop() {
		if err := db.QueryRow(`SELECT
			(SELECT coalesce(sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))), 0) FROM entries) +
			(SELECT coalesce(sum(length(CAST(wish AS BLOB)) + length(CAST(other_response AS BLOB)) +
				length(CAST(self_response AS BLOB)) + length(CAST(reminds AS BLOB))), 0) FROM episodes)`).Scan(&text); err != nil {
			b.Fatal(err)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(info.Size())/1e6, "journal-MB")
	b.ReportMetric(text/1e6, "text-MB")
	b.ReportMetric(float64(info.Size())/text, "file/text")
}
