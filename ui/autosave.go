package ui

import (
	"sync"
	"time"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// autosaveDelay is how long typing must pause before the draft is
// written: short enough that at most this much typing is ever at risk,
// long enough not to write on every keystroke.
const autosaveDelay = time.Second

// draftStore is where the autosaver keeps what is being typed.
type draftStore interface {
	SaveDraft(journal.Draft) error
	DiscardDraft() error
}

var _ draftStore = (*jstore.Store)(nil)

// autosaver keeps the editor's latest contents and writes them as the
// draft once typing pauses, or at once on Flush. It is safe to use from
// any goroutine, so a signal handler can flush while the UI is busy.
type autosaver struct {
	store   draftStore
	delay   time.Duration
	onSaved func(err error) // called off the UI goroutine

	mu      sync.Mutex
	pending *journal.Draft // written by the next save; nil when nothing is
	timer   *time.Timer
}

func newAutosaver(store draftStore, onSaved func(error)) *autosaver {
	return &autosaver{store: store, delay: autosaveDelay, onSaved: onSaved}
}

// Changed records the editor's contents and restarts the wait.
func (a *autosaver) Changed(d journal.Draft) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = &d
	if a.timer == nil {
		a.timer = time.AfterFunc(a.delay, func() { a.Flush() })
	} else {
		a.timer.Reset(a.delay)
	}
}

// Cancel forgets unsaved changes (they were saved as an entry or
// discarded) and removes the kept draft.
func (a *autosaver) Cancel() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending = nil
	if a.timer != nil {
		a.timer.Stop()
	}
	return a.store.DiscardDraft()
}

// Flush writes the pending draft now, if there is one.
func (a *autosaver) Flush() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.pending == nil {
		return nil
	}
	err := a.store.SaveDraft(*a.pending)
	if err == nil {
		a.pending = nil
	}
	if a.onSaved != nil {
		a.onSaved(err)
	}
	return err
}
