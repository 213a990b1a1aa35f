package transfer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// An episode's CCRT categories go out in the export and come back in.
func TestThroughline_KeepsEpisodeCategories(t *testing.T) {
	src := newThroughlineJournal(t)
	fillForExport(t, src)
	file := exportOf(t, src)
	for _, field := range []string{`"wish_categories": [`, `"other_expected": true`, `"other_valence": "negative"`, `"self_valence": "positive"`} {
		if !strings.Contains(string(file), field) {
			t.Errorf("the export has no %s", field)
		}
	}
	dst := newThroughlineJournal(t)
	if _, err := ImportThroughline(dst, bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	want, err := src.Episodes()
	if err != nil {
		t.Fatal(err)
	}
	got, err := dst.Episodes()
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0].CCRT, want[0].CCRT) || len(got[0].CCRT.Wishes) == 0 {
		t.Errorf("imported episodes %+v, %v; want CCRT %+v", got, err, want[0].CCRT)
	}
	// An export naming a category no list has is refused.
	bad := bytes.Replace(file, []byte(`"to be understood"`), []byte(`"to be adored"`), 1)
	if _, err := ImportThroughline(newThroughlineJournal(t), bytes.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "to be adored") {
		t.Errorf("importing an unknown category: %v", err)
	}
}
