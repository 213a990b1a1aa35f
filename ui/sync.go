package ui

// Sync in the window: File → Sync… turns it on and shows the computers
// syncing; once on, the window syncs when the folder changes and every
// minute, off the UI goroutine, and says when it last did.

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/fsnotify/fsnotify"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// syncStore is what sync in the window needs from the journal.
type syncStore interface {
	Encrypted() bool
	Locked() bool
	EnableSync(dir, deviceName string) error
	DisableSync() error
	SyncFolderHoldsAnotherJournal(dir string) bool
	MayGiveWayToJoin() error
	Sync() (journal.SyncReport, error)
	SyncStatus() (journal.SyncStatus, error)
}

var _ syncStore = (*jstore.Store)(nil)

const (
	// syncEvery is how often an open window syncs by itself, so what is
	// written here leaves within a minute even when nothing arrives.
	syncEvery = time.Minute
	// syncSettle is how long the folder is quiet before a round: a sync
	// service writes a segment, then renames it, then writes the next.
	syncSettle = 1500 * time.Millisecond
)

// syncer runs the window's sync rounds, one at a time.
type syncer struct {
	w       *Window
	store   syncStore
	label   *widget.Label // "Synced at 14:02", beside the check-in button
	running bool
	again   bool // a round was asked for while one ran
	last    time.Time
	problem string // what the last round refused, until one goes cleanly
	stop    func()
}

func newSyncer(w *Window, store syncStore) *syncer {
	label := widget.NewLabel("")
	label.Importance = widget.LowImportance
	label.Hide() // until sync is on, so it takes no room
	return &syncer{w: w, store: store, label: label, stop: func() {}}
}

// start begins syncing if sync is on: a watch on the folder, a timer,
// and a first round now.
func (s *syncer) start() {
	st, err := s.store.SyncStatus()
	if err != nil || st.Folder == "" {
		return
	}
	s.stop()
	s.last = st.LastSync
	ticker := time.NewTicker(syncEvery)
	done := make(chan struct{})
	watcher := watchSyncFolder(st.Folder, st.Device, func() { fyne.Do(s.round) })
	go func() {
		for {
			select {
			case <-ticker.C:
				fyne.Do(s.round)
			case <-done:
				return
			}
		}
	}()
	s.stop = func() {
		ticker.Stop()
		close(done)
		if watcher != nil {
			watcher.Close()
		}
		s.stop = func() {}
	}
	s.round()
}

// round syncs once off the UI goroutine; typing goes on meanwhile, and
// what arrived shows once it is in.
func (s *syncer) round() {
	if s.running {
		s.again = true
		return
	}
	if s.store.Locked() { // nothing can be read or sealed; the next round after unlocking does it
		return
	}
	s.running = true
	s.w.background(func() func() {
		r, err := s.store.Sync()
		return func() {
			s.running = false
			s.show(r, err)
			if r.Received > 0 {
				s.w.catchUp()
			}
			if s.again {
				s.again = false
				s.round()
			}
		}
	})
}

// show says how the last round went, in the bar under every screen.
func (s *syncer) show(r journal.SyncReport, err error) {
	switch {
	case err != nil:
		s.problem = err.Error()
	case len(r.Problems) > 0:
		s.problem = strings.Join(r.Problems, " ")
	default:
		s.problem = ""
		s.last = s.w.now()
	}
	s.refreshLabel()
}

func (s *syncer) refreshLabel() {
	switch {
	case s.problem != "":
		s.label.SetText("Sync stopped: see File → Sync…")
		s.label.Importance = widget.DangerImportance
	case !s.last.IsZero():
		s.label.SetText("Synced at " + s.last.Local().Format("15:04"))
		s.label.Importance = widget.LowImportance
	default:
		s.label.Hide()
		return
	}
	s.label.Show()
	s.label.Refresh()
}

// watchSyncFolder calls changed once the folder has settled after
// another computer's files arrive. This computer's own files are left
// out, or every round would start the next. It returns nil when the
// folder can't be watched: the timer still syncs.
func watchSyncFolder(folder, device string, changed func()) *fsnotify.Watcher {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fyne.LogError("watching the sync folder", err)
		return nil
	}
	own := filepath.Join(folder, "devices", device)
	add := func(dir string) {
		if dir != own {
			w.Add(dir) // a folder not there yet is added when it appears
		}
	}
	add(folder)
	for _, sub := range []string{"devices", "snapshots"} {
		add(filepath.Join(folder, sub))
	}
	if devices, err := os.ReadDir(filepath.Join(folder, "devices")); err == nil {
		for _, d := range devices {
			if d.IsDir() {
				add(filepath.Join(folder, "devices", d.Name()))
			}
		}
	}
	var settle *time.Timer
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
						add(ev.Name)
					}
				}
				if filepath.Dir(ev.Name) == own {
					continue
				}
				if settle == nil {
					settle = time.AfterFunc(syncSettle, changed)
				} else {
					settle.Reset(syncSettle)
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return w
}

// syncForm is the Sync dialog's fields, kept for tests.
type syncForm struct {
	folder, name *widget.Entry
	turnOn       *widget.Button
	syncNow      *widget.Button
	turnOff      *widget.Button
}

// showSync shows how sync stands, and turns it on.
func (w *Window) showSync() {
	st, err := w.store.SyncStatus()
	if err != nil {
		showProblem(w.win, "Couldn't read how sync stands", err)
		return
	}
	f := &syncForm{}
	w.syncForm = f
	var content fyne.CanvasObject
	switch {
	case st.Folder != "":
		content = w.syncStatusView(st, f)
	case !w.store.Encrypted():
		content = container.NewVBox(
			wrapped("Sync keeps this journal the same on each of your computers, through a folder that Syncthing, Nextcloud, Dropbox or a USB stick moves between them. Everything in that folder is encrypted with your passphrase, so the journal must be encrypted first."),
			container.NewHBox(widget.NewButtonWithIcon("Encryption…", theme.VisibilityOffIcon(), func() {
				w.closeTopDialog()
				w.showEncryption()
			})))
		if w.store.MayGiveWayToJoin() == nil {
			content.(*fyne.Container).Add(container.NewHBox(widget.NewButtonWithIcon("Join a synced journal…", theme.ViewRefreshIcon(), func() { w.offerJoin("", "") })))
		}
	default:
		content = w.syncTurnOnView(f)
	}
	showChoices(w.win, "Sync", container.NewVScroll(content), fyne.NewSize(720, 480), dialogChoice{label: "Close", focused: true, cancel: true})
	if f.folder != nil {
		w.win.Canvas().Focus(f.folder)
	}
}

// closeTopDialog closes the dialog in front, as its Close button would.
func (w *Window) closeTopDialog() {
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		if escape := dialogEscapes[top]; escape != nil {
			escape()
		}
	}
}

func (w *Window) syncTurnOnView(f *syncForm) fyne.CanvasObject {
	f.folder = widget.NewEntry()
	f.folder.SetPlaceHolder("a folder your sync service moves, such as ~/Sync/Throughline")
	f.name = widget.NewEntry()
	host, _ := os.Hostname()
	f.name.SetText(host)
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), func() { w.chooseSyncFolder(f.folder) })
	f.turnOn = widget.NewButtonWithIcon("Turn on sync", theme.ViewRefreshIcon(), func() { w.onTurnOnSync(f) })
	f.turnOn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, f.folder)),
		widget.NewFormItem("This computer", f.name))
	return container.NewVBox(
		wrapped("Sync keeps this journal the same on each of your computers through a folder that your sync service (Syncthing, Nextcloud, Dropbox, iCloud Drive) moves between them, or a USB stick you carry. Throughline writes only encrypted files there: nothing in the folder can be read without your passphrase, and no one's server is needed."),
		form,
		container.NewHBox(f.turnOn),
		note("On your other computer, choose \"Join a synced journal…\" on the welcome page, or run \"throughline sync --folder DIR\" there."))
}

func (w *Window) chooseSyncFolder(into *widget.Entry) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showProblem(w.win, "Couldn't open that folder", err)
			return
		}
		if dir != nil {
			into.SetText(dir.Path())
		}
	}, w.win)
	if home, err := os.UserHomeDir(); err == nil {
		if here, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(here)
		}
	}
	d.Show()
	closesOnEscape(w.win, d.Dismiss, d.SetOnClosed)
}

// onTurnOnSync turns sync on through the folder typed or chosen, off
// the UI goroutine: the first snapshot seals the whole journal.
func (w *Window) onTurnOnSync(f *syncForm) {
	dir := expandHome(strings.TrimSpace(f.folder.Text))
	name := strings.TrimSpace(f.name.Text)
	if dir == "" {
		showProblem(w.win, "Choose a folder first", journal.Errorf(journal.EInvalid, "Type or choose the folder your sync service moves between your computers."))
		return
	}
	if w.store.SyncFolderHoldsAnotherJournal(dir) {
		w.offerJoin(dir, name)
		return
	}
	f.turnOn.Disable()
	w.background(func() func() {
		err := w.store.EnableSync(dir, name)
		return func() {
			f.turnOn.Enable()
			if err != nil {
				showProblem(w.win, "Couldn't turn sync on", err)
				return
			}
			w.closeTopDialog()
			w.sync.start()
			w.journal.setStatus("Sync is on through " + dir + ".")
		}
	})
}

// offerJoin joins a journal synced from another computer in place of
// this one, which has never been written in, as the welcome page does:
// for a folder that turned out to sync another journal (dir), or from
// the Sync dialog of an empty journal (dir "").
func (w *Window) offerJoin(dir, name string) {
	if err := w.store.MayGiveWayToJoin(); err != nil {
		showProblem(w.win, "That folder syncs another journal", err)
		return
	}
	w.closeTopDialog()
	f, form := w.newJoinForm(dir)
	if name != "" { // as typed in the Sync dialog
		f.name.SetText(name)
	}
	w.joinDialog = f
	about := "Join a journal you keep on another computer with sync on: choose the folder your sync service brings here and type that journal's passphrase. This journal has nothing in it yet, so the synced one takes its place, and the window starts again on it."
	if dir != "" {
		about = dir + " already syncs a journal from another computer. " + about
	}
	showChoices(w.win, "Join a synced journal", container.NewVBox(wrapped(about), form, f.problem), fyne.NewSize(720, 420),
		dialogChoice{label: "Not now", cancel: true},
		dialogChoice{label: "Join", importance: widget.HighImportance, then: func() { w.submitJoin(f) }})
	if dir == "" {
		w.win.Canvas().Focus(f.folder)
	} else {
		w.win.Canvas().Focus(f.pass)
	}
}

// syncStatusView lists the computers syncing, when each was last seen,
// and what the last round refused.
func (w *Window) syncStatusView(st journal.SyncStatus, f *syncForm) fyne.CanvasObject {
	f.syncNow = widget.NewButtonWithIcon("Sync now", theme.ViewRefreshIcon(), func() {
		w.closeTopDialog()
		w.sync.round()
	})
	rows := container.NewVBox(wrapped("Syncing through " + st.Folder + " as \"" + st.DeviceName + "\". Last synced: " + seenAt(st.LastSync) + "."))
	if w.sync.problem != "" {
		problem := wrapped(w.sync.problem)
		problem.Importance = widget.DangerImportance
		rows.Add(problem)
	}
	rows.Add(widget.NewLabelWithStyle("Computers", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, d := range st.Devices {
		name := d.Name
		if d.You {
			name += " (this computer)"
		}
		rows.Add(widget.NewLabel(name + " · last seen " + seenAt(d.LastSeen)))
	}
	f.turnOff = widget.NewButtonWithIcon("Turn sync off…", theme.CancelIcon(), func() {
		w.closeTopDialog()
		w.confirmSyncOff()
	})
	rows.Add(container.NewHBox(f.syncNow, f.turnOff))
	return rows
}

// confirmSyncOff asks before this computer stops syncing, saying what
// that means for the others.
func (w *Window) confirmSyncOff() {
	off := func() {
		w.background(func() func() {
			err := w.store.DisableSync()
			return func() {
				if err != nil {
					showProblem(w.win, "Couldn't turn sync off", err)
					return
				}
				w.sync.stop()
				w.sync.problem, w.sync.last = "", time.Time{}
				w.sync.refreshLabel()
				w.journal.setStatus("Sync is off. This journal keeps everything.")
			}
		})
	}
	showChoices(w.win, "Turn sync off?", wrapped("This computer stops syncing: what it wrote last is sent first, and from then on what you write here stays here. "+
		"The journal keeps everything, and your other computers carry on through the folder without it. To sync it again, choose a new, empty folder."),
		fyne.NewSize(560, 260),
		dialogChoice{label: "Keep syncing", focused: true, cancel: true},
		dialogChoice{label: "Turn sync off", importance: widget.DangerImportance, then: off})
}

func seenAt(t time.Time) string {
	if t.IsZero() {
		return "not yet"
	}
	return t.Local().Format("Mon 2 Jan 2006, 15:04")
}

// expandHome reads a leading ~ as the home folder, as a person types it.
func expandHome(dir string) string {
	if rest, ok := strings.CutPrefix(dir, "~"); ok && (rest == "" || strings.HasPrefix(rest, "/")) {
		if home, err := os.UserHomeDir(); err == nil {
			return home + rest
		}
	}
	return dir
}
