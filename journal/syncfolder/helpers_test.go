package syncfolder

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"
)

func testKey(t testing.TB) []byte {
	t.Helper()
	key := make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return key
}

// newTestFolder makes a fresh sync folder in a temporary directory.
func newTestFolder(t testing.TB) (*Folder, []byte) {
	t.Helper()
	key := testKey(t)
	f, err := Create(filepath.Join(t.TempDir(), "sync"), Header{JournalID: "journal1", Keyring: []byte("wrapped key")}, key)
	if err != nil {
		t.Fatal(err)
	}
	return f, key
}

func mustAppend(t testing.TB, f *Folder, device string, seqs ...uint64) {
	t.Helper()
	for _, seq := range seqs {
		if err := f.Append(device, seq, payloadFor(device, seq)); err != nil {
			t.Fatal(err)
		}
	}
}

func payloadFor(device string, seq uint64) []byte {
	return []byte(device + " change " + segmentName(seq))
}

func segPath(f *Folder, device string, seq uint64) string {
	return filepath.Join(f.deviceDir(device), segmentName(seq))
}

func seqsOf(segs []Segment) []uint64 {
	var out []uint64
	for _, s := range segs {
		out = append(out, s.Seq)
	}
	return out
}

func checkPayloads(t *testing.T, segs []Segment) {
	t.Helper()
	for _, s := range segs {
		if want := payloadFor(s.Device, s.Seq); !bytes.Equal(s.Payload, want) {
			t.Errorf("segment %s/%d payload = %q, want %q", s.Device, s.Seq, s.Payload, want)
		}
	}
}

func flipByte(t testing.TB, path string, at int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if at < 0 {
		at += len(data)
	}
	data[at] ^= 0x40
	if err := os.WriteFile(path, data, fileMode); err != nil {
		t.Fatal(err)
	}
}

func equalSeqs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
