package transfer

import (
	"errors"

	"github.com/throughline/throughline/journal"
)

// readAheadChunk is how many entries the reader hands over at a time:
// enough that passing them costs little, few enough that a long import
// holds only a few chunks at once.
const readAheadChunk = 256

// errStopped ends the reader when the journal refused an entry.
var errStopped = errors.New("the import stopped")

// readAhead gives add every entry each reads, in order, with the reading
// on a goroutine of its own: decoding and checking a file keeps one core
// busy while the journal writes on the other, so a long import takes
// about as long as its writing alone. An error from add stops the
// reading and is returned; an error from each is returned once add has
// had every entry read before it.
func readAhead(each func(func(journal.Entry) error) error, add func(journal.Entry) error) error {
	chunks := make(chan []journal.Entry, 4)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(chunks)
		send := func(chunk []journal.Entry) error {
			select {
			case chunks <- chunk:
				return nil
			case <-stop:
				return errStopped
			}
		}
		chunk := make([]journal.Entry, 0, readAheadChunk)
		readErr = each(func(e journal.Entry) error {
			if chunk = append(chunk, e); len(chunk) < readAheadChunk {
				return nil
			}
			err := send(chunk)
			chunk = make([]journal.Entry, 0, readAheadChunk)
			return err
		})
		if len(chunk) > 0 && !errors.Is(readErr, errStopped) {
			if err := send(chunk); readErr == nil {
				readErr = err
			}
		}
	}()
	for chunk := range chunks {
		for _, e := range chunk {
			if err := add(e); err != nil {
				close(stop)
				for range chunks { // the reader ends at its next entry
				}
				return err
			}
		}
	}
	return readErr
}
