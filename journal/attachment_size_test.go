package journal

import (
	"strings"
	"testing"
)

// A file is refused by its size alone, before it is read.
func TestCheckAttachmentSize(t *testing.T) {
	for _, tc := range []struct {
		size int64
		says string
	}{
		{0, "drawing.png is empty (0 bytes)"},
		{1, ""},
		{MaxAttachmentSize, ""},
		{MaxAttachmentSize + 1<<20, "drawing.png is 51 MB; an attachment can be at most 50 MB"},
		{3 << 30, "drawing.png is 3 GB"},
	} {
		err := CheckAttachmentSize("drawing.png", tc.size)
		if tc.says == "" && err != nil || tc.says != "" && (err == nil || !strings.Contains(err.Error(), tc.says) || ErrorCode(err) != EInvalid) {
			t.Errorf("%d bytes: %v, want %q", tc.size, err, tc.says)
		}
	}
}
