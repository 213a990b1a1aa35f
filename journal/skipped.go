package journal

// Skipped is an imported entry left out, and why.
type Skipped struct {
	Item   int // its place in the import, from 1
	Reason string
}
