package transfer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"unicode/utf8"
)

// streamBuffer is how much of a file a streamed read holds at a time.
const streamBuffer = 256 << 10

// readJSONStream reads a jrnl or Day One JSON export a piece at a time,
// so a 143 MB export is never in memory whole: only the entries read from
// it are. ok is false when the file is not one it reads (not JSON, the
// wrong format, a Throughline export) or when anything about it is wrong;
// then the whole-file readers read it, and say what is wrong as they
// always have. A file that reads cleanly reads the same either way.
func readJSONStream(path, format string) (b *Batch, ok bool) {
	if format != "" && format != FormatJrnl && format != FormatDayOne {
		return nil, false
	}
	if format == "" {
		if format = sniffFile(path); format != FormatJrnl && format != FormatDayOne {
			return nil, false
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	text := &textReader{r: io.LimitReader(f, maxImportSize+1)}
	in := bufio.NewReaderSize(text, streamBuffer)
	if !startsObject(in) {
		return nil, false
	}
	dec := json.NewDecoder(in)
	if format == FormatJrnl {
		b, err = jrnlJSON(func(each entryFunc) error { return walkEntries(dec, jrnlExport, each) })
	} else {
		b = &Batch{Format: FormatDayOne}
		m := media{}
		err = b.addDayOneEntries(func(each entryFunc) error { return walkEntries(dec, dayOneExport, each) }, "", false, m)
		b.noteMedia(m)
	}
	if err != nil || !atEnd(dec) || text.err != nil || text.n > maxImportSize {
		return nil, false
	}
	return b, true
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
