package transfer

import (
	"errors"
	"fmt"
	"testing"

	"github.com/throughline/throughline/journal"
)

func TestReadAhead(t *testing.T) {
	errRead := errors.New("line 700 is broken")
	errAdd := errors.New("entry 300 is refused")
	const total = 20 * readAheadChunk
	for _, tc := range []struct {
		name        string
		readFailsAt int // 0: reads every entry
		addFailsAt  int // 0: adds every entry
		want        error
		wantAdded   int
	}{
		{"every entry, in order", 0, 0, nil, total},
		{"the journal refuses one", 0, 300, errAdd, 299},
		{"the file breaks", 700, 0, errRead, 699},
		{"the journal refuses one before the break", 700, 300, errAdd, 299},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := 0
			each := func(fn func(journal.Entry) error) error {
				for i := 1; i <= total; i++ {
					if i == tc.readFailsAt {
						return errRead
					}
					read++
					if err := fn(journal.Entry{Title: fmt.Sprint(i)}); err != nil {
						return err
					}
				}
				return nil
			}
			var added []string
			err := readAhead(each, func(e journal.Entry) error {
				if len(added)+1 == tc.addFailsAt {
					return errAdd
				}
				added = append(added, e.Title)
				return nil
			})
			if !errors.Is(err, tc.want) {
				t.Fatalf("readAhead returned %v, want %v", err, tc.want)
			}
			if len(added) != tc.wantAdded {
				t.Fatalf("added %d entries, want %d", len(added), tc.wantAdded)
			}
			for i, title := range added {
				if title != fmt.Sprint(i+1) {
					t.Fatalf("entry %d added was %q: out of order", i+1, title)
				}
			}
			// A refusal stops the reading within the chunks in flight.
			if tc.addFailsAt > 0 && read >= total {
				t.Errorf("the reader went on to the end (%d entries) after the journal refused one", read)
			}
		})
	}
}
