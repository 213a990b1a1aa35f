package syncfolder

import (
	"errors"
	"os"
	"testing"
)

// Whatever bytes arrive as a segment, reading never panics, never returns
// them as a change, and reports anything but a true beginning as damage.
func FuzzReadSegment(f *testing.F) {
	folder, _ := newTestFolder(f)
	mustAppend(f, folder, "laptop", 1)
	whole, err := os.ReadFile(segPath(folder, "laptop", 1))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][]byte{nil, whole[:3], whole[:frameHead], whole[:len(whole)-1], append(whole, 1), []byte("TLSG\x01\xff\xff\xff\xff\xff\xff\xff\xff"), []byte("hello")} {
		f.Add(seed)
	}
	if err := os.MkdirAll(folder.deviceDir("desktop"), dirMode); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(segPath(folder, "desktop", 1), data, fileMode); err != nil {
			t.Fatal(err)
		}
		segs, err := folder.Read("desktop", 0)
		if len(segs) != 0 {
			t.Fatalf("forged bytes read as a change: %q", segs[0].Payload)
		}
		_, ferr := unframe(magicSegment, data)
		var damaged *DamagedError
		if errors.Is(ferr, errIncomplete) != (err == nil) || (err != nil && !errors.As(err, &damaged)) {
			t.Fatalf("Read error %v for a file whose framing says %v", err, ferr)
		}
	})
}
