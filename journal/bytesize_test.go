package journal

import "testing"

func TestByteSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{12, "12 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KB"},
		{1536, "1.5 KB"},
		{2048, "2 KB"},
		{340 * 1024, "340 KB"},
		{1<<20 - 1, "1024 KB"},
		{1 << 20, "1 MB"},
		{5_500_000, "5.2 MB"},
		{1 << 30, "1 GB"},
		{1<<30 + 1, "1 GB"},
		{1288490189, "1.2 GB"},
		{1<<30 + 1<<29, "1.5 GB"},
	}
	for _, tt := range tests {
		if got := ByteSize(tt.n); got != tt.want {
			t.Errorf("ByteSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
