package transfer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"unicode/utf8"

	"github.com/throughline/throughline/journal"
)

// streamBuffer is how much of a file a streamed read holds at a time.
const streamBuffer = 256 << 10

// readJSONStream reads a jrnl or Day One JSON export a piece at a time,
// keeping what it needs to report and nothing of the entries: the import
// reads the file again, handing entries to the journal as it goes, so a
// 143 MB export is never in memory whole, nor are its entries. ok is false
// when the file is not one it reads (not JSON, the wrong format, a
// Throughline export) or when anything about it is wrong; then the
// whole-file readers read it, and say what is wrong as they always have.
// A file that reads cleanly reads the same either way.
func readJSONStream(path, format string) (b *Batch, ok bool) {
	if format != "" && format != FormatJrnl && format != FormatDayOne {
		return nil, false
	}
	if format == "" {
		if format = sniffFile(path); format != FormatJrnl && format != FormatDayOne {
			return nil, false
		}
	}
	b = &Batch{Format: format, sink: func(journal.Entry) error { return nil }}
	if streamJSON(path, b) != nil {
		return nil, false
	}
	b.sink = nil
	b.again = func(sink func(journal.Entry) error) error {
		again := &Batch{Format: format, sink: sink}
		err := streamJSON(path, again)
		if err == nil && !slices.Equal(again.items, b.items) {
			err = errChanged
		}
		if errors.Is(err, errChanged) || (err != nil && again.sinkErr == nil) {
			return journal.Errorf(journal.EInvalid, "%s changed while it was being imported. Try again once nothing is writing to it. Nothing was imported.", filepath.Base(path))
		}
		return err
	}
	return b, true
}

var errChanged = errors.New("the file changed")

// streamJSON reads the jrnl or Day One export at path into b.
func streamJSON(path string, b *Batch) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	text := &textReader{r: io.LimitReader(f, maxImportSize+1)}
	in := bufio.NewReaderSize(text, streamBuffer)
	if !startsObject(in) {
		return errChanged
	}
	dec := json.NewDecoder(in)
	if b.Format == FormatJrnl {
		err = b.addJrnlJSON(func(each entryFunc) error { return walkEntries(dec, jrnlExport, each) })
	} else {
		m := media{}
		err = b.addDayOneEntries(func(each entryFunc) error { return walkEntries(dec, dayOneExport, each) }, "", false, m)
		b.noteMedia(m)
	}
	switch {
	case b.sinkErr != nil:
		return b.sinkErr
	case err != nil:
		return err
	case !atEnd(dec) || text.err != nil || text.n > maxImportSize:
		return errChanged
	}
	return nil
}

// sniffFile tells the JSON export at path from its start, or returns "".
func sniffFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	in := bufio.NewReaderSize(f, streamBuffer)
	if !startsObject(in) {
		return ""
	}
	return sniffJSON(in)
}

// startsObject skips a byte-order mark and says whether what follows,
// after white space, opens a JSON object.
func startsObject(in *bufio.Reader) bool {
	if head, _ := in.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		in.Discard(len(utf8BOM))
	}
	for n := 1; ; n++ {
		head, err := in.Peek(n)
		if err != nil {
			return false
		}
		switch head[n-1] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return head[n-1] == '{'
	}
}

// atEnd reads the closing brace of the object walkEntries read, and says
// whether nothing but white space follows it.
func atEnd(dec *json.Decoder) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return false
	}
	_, err := dec.Token()
	return err == io.EOF
}

// textReader passes on UTF-8 text and stops at the first byte that
// checkText would refuse: a zero byte, or one that is not UTF-8.
type textReader struct {
	r    io.Reader
	n    int64  // bytes read
	tail []byte // the start of a character cut off at the end of a read
	err  error
}

var errNotText = errors.New("not UTF-8 text")

func (t *textReader) Read(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.r.Read(p)
	t.n += int64(n)
	chunk := append(t.tail, p[:n]...)
	keep := len(chunk)
	if err == nil { // a character may go on in the next read
		keep = cutIncomplete(chunk)
	}
	if bytes.IndexByte(chunk, 0) >= 0 || !utf8.Valid(chunk[:keep]) || (err != nil && keep < len(chunk)) {
		t.err = errNotText
		return 0, t.err
	}
	t.tail = append(t.tail[:0], chunk[keep:]...)
	return n, err
}

// cutIncomplete is the length of b without a character cut off at its end.
func cutIncomplete(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
