package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/patterns/prompts"
)

// freeTickEvery is how often the free-association timer looks at the
// clock: often enough that "5 min left" is never a minute out of date.
const freeTickEvery = 5 * time.Second

const (
	freeFinishHint  = "Ctrl+Enter or Esc to finish"
	freeTimeUp      = "Time's up — keep going if you like, or finish with Ctrl+Enter."
	freePlaceHolder = "Write whatever comes to mind, as it comes. Nothing here needs to make sense or be tidy."
)

// freeMode is the journal's free-association mode: while a session runs,
// the window shows nothing but a page to write on.
type freeMode struct {
	session *freeSession // nil when not writing
	// ticker calls tick every so often until stopped, off the UI
	// goroutine; nil is a real ticker. Tests tick by hand.
	ticker func(every time.Duration, tick func()) (stop func())
}

// freeSession is one stretch of free association.
type freeSession struct {
	s         *journalScreen
	started   time.Time
	deadline  time.Time // zero without a timer
	page      *freeEntry
	status    *widget.Label
	view      fyne.CanvasObject
	normal    fyne.CanvasObject // the window's content, put back on finishing
	stopTicks func()
}

// freeWriting reports whether a free-association session is running.
// Menu actions other than Quit, Lock and Help should do nothing while it
// is: the screens they act on are out of sight.
func (s *journalScreen) freeWriting() bool { return s.free.session != nil }

// askFreeAssociation asks how long to write for, then starts. No timer
// has the focus: a timer is company, not a requirement.
func (s *journalScreen) askFreeAssociation() {
	if s.freeWriting() {
		s.free.session.show()
		return
	}
	start := func(minutes int) func() { return func() { s.startFreeAssociation(minutes) } }
	showChoices(s.win, "Free association",
		message("Write whatever comes to mind, without tidying or judging it. The window clears so there is only the page. "+
			"A timer can keep you company; when it ends, nothing stops and nothing is lost."),
		fyne.NewSize(620, 220),
		dialogChoice{label: "Not now", cancel: true},
		dialogChoice{label: "No timer", icon: theme.DocumentCreateIcon(), importance: widget.HighImportance, then: start(0), focused: true},
		dialogChoice{label: "5 minutes", then: start(5)},
		dialogChoice{label: "10 minutes", then: start(10)},
		dialogChoice{label: "20 minutes", then: start(20)},
	)
}

// startFreeAssociation clears the window for free writing, with a gentle
// timer of minutes (0 for none). Unsaved changes in the editor are
// settled first: the draft kept while writing takes their place.
func (s *journalScreen) startFreeAssociation(minutes int) {
	if s.freeWriting() {
		s.free.session.show()
		return
	}
	s.whenSettled(func() {
		f := &freeSession{s: s, started: s.now(), normal: s.win.Content()}
		if minutes > 0 {
			f.deadline = f.started.Add(time.Duration(minutes) * time.Minute)
		}
		f.page = newFreeEntry(f.finish)
		f.page.OnChanged = f.changed
		f.status = widget.NewLabel("")
		f.status.Alignment = fyne.TextAlignCenter
		f.status.Importance = widget.LowImportance
		page := container.NewThemeOverride(f.page, roomyTheme{Theme: theme.Current()})
		f.view = container.NewBorder(nil, f.status, nil, nil, container.New(&column{width: 760}, page))
		s.free.session = f
		f.stopTicks = func() {}
		f.tick()
		if !f.deadline.IsZero() {
			ticker := s.free.ticker
			if ticker == nil {
				ticker = everyTick
			}
			f.stopTicks = ticker(freeTickEvery, f.tick)
		}
		f.show()
	})
}

// show puts the page in the window, as after unlocking.
func (f *freeSession) show() {
	f.s.win.SetContent(f.view)
	f.s.win.Canvas().Focus(f.page)
}

// title names the entry by when the writing started.
func (f *freeSession) title() string {
	return "Free association, " + f.started.Format("Mon 2 Jan 2006 15:04")
}

func (f *freeSession) draft() journal.Draft {
	return journal.Draft{
		Kind:      journal.KindFreeAssociation,
		WrittenAt: f.started.Format(journal.DateTimeLayout),
		Title:     f.title(),
		Body:      f.page.Text,
	}
}

// changed keeps what is typed as the draft, so a crash or a quit loses
// nothing, and keeps an encrypted journal from locking mid-sentence.
func (f *freeSession) changed(string) {
	f.s.activity()
	f.s.autosave.Changed(f.draft())
}

// tick shows the time left. When it runs out it says so once, quietly,
// and lets the person carry on.
func (f *freeSession) tick() {
	if f.deadline.IsZero() {
		f.status.SetText(freeFinishHint)
		return
	}
	left := f.deadline.Sub(f.s.now())
	switch {
	case left <= 0:
		f.status.Importance = widget.MediumImportance
		f.status.SetText(freeTimeUp)
		f.stopTicks()
		f.stopTicks = func() {}
	case left < time.Minute:
		f.status.SetText("Less than a minute left · " + freeFinishHint)
	default:
		minutes := int((left + time.Minute - 1) / time.Minute) // 4 min 10 s is "5 min left"
		f.status.SetText(fmt.Sprintf("%d min left · %s", minutes, freeFinishHint))
	}
}

// finish puts the window back and saves what was written as a
// free-association entry, opened in the editor. If saving fails, the
// text stays in the editor as an unsaved entry, and in the draft.
func (f *freeSession) finish() {
	s := f.s
	if s.free.session != f {
		return
	}
	s.free.session = nil
	f.stopTicks()
	s.win.SetContent(f.normal)
	if strings.TrimSpace(f.page.Text) == "" {
		if err := s.autosave.Cancel(); err != nil {
			s.setStatus(err.Error())
			return
		}
		s.setStatus("Nothing was written, so nothing was saved.")
		return
	}
	s.baseline = blankDraft(f.started) // a new entry, not saved yet
	s.showEditor()
	s.editor.fill(f.draft())
	s.ignoreSelect = true
	s.list.UnselectAll()
	s.ignoreSelect = false
	s.win.Canvas().Focus(s.editor.body)
	s.save(nil)
}

// quickDream starts a dream entry, titled with today's date, with the
// cursor in the body and a dream prompt offered: dreams fade fast, so
// there is nothing to fill in before writing.
func (s *journalScreen) quickDream() {
	if s.freeWriting() {
		return
	}
	s.whenSettled(func() {
		now := s.now()
		d := blankDraft(now)
		d.Kind = journal.KindDream
		d.Title = "Dream, " + now.Format("Mon 2 Jan 2006")
		s.startEntry(d, s.editor.body, prompts.DreamOpener)
	})
}

// freeEntry is the free-association page: Ctrl+Enter or Escape finish.
// A plain Entry would swallow both.
type freeEntry struct {
	widget.Entry
	onFinish func()
}

var _ fyne.Shortcutable = (*freeEntry)(nil)

func newFreeEntry(onFinish func()) *freeEntry {
	e := &freeEntry{onFinish: onFinish}
	e.MultiLine, e.Wrapping, e.PlaceHolder = true, fyne.TextWrapWord, freePlaceHolder
	e.ExtendBaseWidget(e)
	return e
}

func (e *freeEntry) TypedShortcut(sc fyne.Shortcut) {
	if c, ok := sc.(*desktop.CustomShortcut); ok && c.Modifier == fyne.KeyModifierShortcutDefault &&
		(c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) {
		e.onFinish()
		return
	}
	e.Entry.TypedShortcut(sc)
}

func (e *freeEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.onFinish()
		return
	}
	e.Entry.TypedKey(ev)
}

// everyTick calls tick on the UI goroutine every so often until stopped.
func everyTick(every time.Duration, tick func()) (stop func()) {
	t := time.NewTicker(every)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				fyne.Do(tick)
			case <-done:
				return
			}
		}
	}()
	return func() {
		t.Stop()
		close(done)
	}
}

// roomyTheme is the app's theme with larger text, for a page meant for
// nothing but writing.
type roomyTheme struct{ fyne.Theme }

func (t roomyTheme) Size(name fyne.ThemeSizeName) float32 {
	if name == theme.SizeNameText {
		return t.Theme.Size(name) * 1.2
	}
	return t.Theme.Size(name)
}

// column lays its content out at most width wide, centred, and full
// height: lines of a comfortable length on a wide screen.
type column struct{ width float32 }

func (c *column) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (c *column) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.width)
	objects[0].Resize(fyne.NewSize(w, size.Height))
	objects[0].Move(fyne.NewPos((size.Width-w)/2, 0))
}
