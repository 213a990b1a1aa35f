package ui

// Opening a journal that an upgrade must index for search (one made
// before search, or whose index kept its own copy of the text) takes
// seconds at 100,000 entries: a small window shows how far it has got,
// rather than nothing at all.

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// upgradeWait is how long an upgrade may run before its window shows: a
// short journal's is over before a window could be seen.
var upgradeWait = 300 * time.Millisecond

// opening is the journal being opened on a goroutine of its own.
type opening struct {
	store    *jstore.Store
	err      error
	done     chan struct{}               // closed when Open has returned
	progress chan jstore.UpgradeProgress // the newest report, when one is waiting
}

// startOpening opens the journal at path, and waits until it is open,
// or until an upgrade has run for upgradeWait.
func startOpening(path string) *opening {
	return startOpeningWith(func(report func(jstore.UpgradeProgress)) (*jstore.Store, error) {
		return jstore.Open(path, jstore.ReportUpgrade(report))
	})
}

func startOpeningWith(open func(report func(jstore.UpgradeProgress)) (*jstore.Store, error)) *opening {
	o := newOpening()
	go func() {
		defer close(o.done)
		o.store, o.err = open(o.report)
	}()
	select {
	case <-o.done:
		return o
	case p := <-o.progress:
		o.report(p) // kept for the window
	}
	select {
	case <-o.done:
	case <-time.After(upgradeWait):
	}
	return o
}

func newOpening() *opening {
	return &opening{done: make(chan struct{}), progress: make(chan jstore.UpgradeProgress, 1)}
}

// report keeps only the newest progress: the window shows where the
// upgrade is, not every step it took, and Open never waits for it.
func (o *opening) report(p jstore.UpgradeProgress) {
	select {
	case <-o.progress:
	default:
	}
	o.progress <- p
}

// upgrading reports whether the journal is still opening.
func (o *opening) upgrading() bool {
	select {
	case <-o.done:
		return false
	default:
		return true
	}
}

// upgradeView shows an upgrade's progress in words and as a bar.
type upgradeView struct {
	words   *widget.Label
	bar     *widget.ProgressBar
	content fyne.CanvasObject
}

func newUpgradeView() *upgradeView {
	v := &upgradeView{words: widget.NewLabel(""), bar: widget.NewProgressBar()}
	// No wrapping: a wrapped label asks for a tall window before it is
	// laid out, and these lines fit.
	note := widget.NewLabel("This happens once. Your entries are safe if it is interrupted.")
	// Centred, in case the window manager makes the window taller.
	v.content = container.NewPadded(container.NewVBox(layout.NewSpacer(), v.words, v.bar, note, layout.NewSpacer()))
	v.set(jstore.UpgradeProgress{})
	return v
}

func (v *upgradeView) set(p jstore.UpgradeProgress) {
	v.words.SetText(p.String() + "…")
	v.bar.SetValue(p.Fraction())
}

// runUpgrading shows the upgrade's progress until the journal is open,
// then the main window in its place, and runs the app until it quits.
// It returns the exit code.
func runUpgrading(a fyne.App, path string, o *opening) int {
	u := showUpgrading(a, o)
	u.win.ShowAndRun()
	if u.main == nil {
		// Closed while upgrading, the upgrade's transaction is undone when
		// the program ends, and runs again next time; or the journal
		// couldn't be opened, which the window said.
		if !o.upgrading() && o.err != nil {
			return 1
		}
		return 0
	}
	u.main.keepDraft("keeping the draft after quitting")
	defer o.store.Close()
	return afterQuit(u.main, o.store, path)
}

// upgrading is the window of an upgrade under way.
type upgrading struct {
	win  fyne.Window
	view *upgradeView
	main *Window // the main window, once the journal is open
}

// showUpgrading makes a window of its own for o's progress, to be
// shown, and when the journal is open, shows the main window in its
// place; an error opening shows in the same window.
func showUpgrading(a fyne.App, o *opening) *upgrading {
	u := &upgrading{win: a.NewWindow("Throughline"), view: newUpgradeView()}
	u.win.SetContent(u.view.content)
	u.win.Resize(fyne.NewSize(560, 160))
	go func() {
		for {
			select {
			case p := <-o.progress:
				fyne.Do(func() { u.view.set(p) })
			case <-o.done:
				fyne.Do(func() { u.opened(a, o) })
				return
			}
		}
	}()
	return u
}

func (u *upgrading) opened(a fyne.App, o *opening) {
	if o.err != nil {
		content, button := openErrorView(o.err, u.win.Close)
		u.win.SetContent(content)
		u.win.Resize(fyne.NewSize(560, 220))
		u.win.Canvas().Focus(button)
		return
	}
	u.main = newMainWindow(a, o.store)
	u.main.show()
	u.win.Close()
}
