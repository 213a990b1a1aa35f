package ui

import (
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/throughline/throughline/journal"
)

// recordingApp is the test app, keeping the notifications sent and the
// system tray menu set, as a desktop app would show them.
type recordingApp struct {
	fyne.App
	mu   sync.Mutex
	sent []string // the notifications' texts
	tray *fyne.Menu
}

var _ desktop.App = (*recordingApp)(nil)

func newRecordingApp(t *testing.T) *recordingApp { return &recordingApp{App: test.NewTempApp(t)} }

func (a *recordingApp) SendNotification(n *fyne.Notification) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.sent = append(a.sent, n.Content)
}

func (a *recordingApp) notifications() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.sent)
}

func (a *recordingApp) SetSystemTrayMenu(m *fyne.Menu)  { a.tray = m }
func (a *recordingApp) SetSystemTrayIcon(fyne.Resource) {}
func (a *recordingApp) SetSystemTrayWindow(fyne.Window) {}

func TestDueReminders(t *testing.T) {
	local := time.FixedZone("UTC-5", -5*3600)
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, local) }
	daily := reminderPrefs{daily: true, hour: 20}
	session := reminderPrefs{session: true, hour: 20}
	both := reminderPrefs{daily: true, session: true, hour: 20}
	tomorrowMorning := at(26, 10, 0)
	for _, c := range []struct {
		name  string
		prefs reminderPrefs
		last  lastSent
		next  time.Time
		now   time.Time
		want  []string
	}{
		{"both off", reminderPrefs{hour: 20}, lastSent{}, tomorrowMorning, at(25, 21, 0), nil},
		{"daily before its time", daily, lastSent{}, time.Time{}, at(25, 19, 59), nil},
		{"daily at its time", daily, lastSent{}, time.Time{}, at(25, 20, 0), []string{dailyReminderText}},
		{"daily later that day", daily, lastSent{}, time.Time{}, at(25, 23, 30), []string{dailyReminderText}},
		{"daily already sent today", daily, lastSent{daily: "2026-11-25"}, time.Time{}, at(25, 22, 0), nil},
		{"daily sent yesterday", daily, lastSent{daily: "2026-11-24"}, time.Time{}, at(25, 20, 1), []string{dailyReminderText}},
		{"daily at a time with minutes", reminderPrefs{daily: true, hour: 7, minute: 45}, lastSent{}, time.Time{}, at(25, 7, 44), nil},
		{"daily at its minute", reminderPrefs{daily: true, hour: 7, minute: 45}, lastSent{}, time.Time{}, at(25, 7, 45), []string{dailyReminderText}},
		{"session the day before", session, lastSent{}, tomorrowMorning, at(25, 20, 0), []string{sessionReminderText}},
		{"session the day before, before the time", session, lastSent{}, tomorrowMorning, at(25, 9, 0), nil},
		{"session in two days", session, lastSent{}, at(27, 10, 0), at(25, 21, 0), nil},
		{"session today", session, lastSent{}, at(25, 22, 0), at(25, 21, 0), nil},
		{"session already past", session, lastSent{}, at(20, 10, 0), at(25, 21, 0), nil},
		{"session reminder off", daily, lastSent{daily: "2026-11-25"}, tomorrowMorning, at(25, 21, 0), nil},
		{"no next session", session, lastSent{}, time.Time{}, at(25, 21, 0), nil},
		{"session already reminded today", session, lastSent{session: "2026-11-25"}, tomorrowMorning, at(25, 23, 0), nil},
		{"both due", both, lastSent{}, tomorrowMorning, at(25, 20, 0), []string{dailyReminderText, sessionReminderText}},
		{"session kept in UTC, tomorrow here", session, lastSent{}, time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC), at(25, 20, 0), []string{sessionReminderText}},
		{"session kept in UTC, the day after tomorrow here", session, lastSent{}, time.Date(2026, 11, 27, 6, 0, 0, 0, time.UTC), at(25, 20, 0), nil},
		{"across the new year", session, lastSent{}, time.Date(2027, 1, 1, 9, 0, 0, 0, local), time.Date(2026, 12, 31, 20, 0, 0, 0, local), []string{sessionReminderText}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, n := range dueReminders(c.prefs, c.last, c.next, c.now) {
				if n.Title != reminderTitle {
					t.Errorf("title %q, want %q", n.Title, reminderTitle)
				}
				got = append(got, n.Content)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("due %q, want %q", got, c.want)
			}
			// Once sent, nothing is due again the same day.
			after := c.last.afterSending(c.prefs, c.next, c.now)
			if again := dueReminders(c.prefs, after, c.next, c.now.Add(time.Hour)); len(c.want) > 0 && c.now.Hour() < 23 && len(again) > 0 {
				t.Errorf("due again an hour later: %v", again)
			}
		})
	}
}

func TestReminders_SentOnceADayAcrossRestarts(t *testing.T) {
	// Given both reminders on, and a session tomorrow,
	a := newRecordingApp(t)
	store := mustOpenJournal(t)
	now := time.Date(2026, 11, 25, 20, 5, 0, 0, time.Local)
	if err := store.SetSetting(journal.SettingNextSession, now.AddDate(0, 0, 1).Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetBool(prefDailyReminder, true)
	a.Preferences().SetBool(prefSessionReminder, true)
	clock := func() time.Time { return now }

	// when the reminders are looked at,
	r := &reminders{app: a, store: store, now: clock}
	r.check()
	// then both come, once.
	if got := a.notifications(); !slices.Equal(got, []string{dailyReminderText, sessionReminderText}) {
		t.Fatalf("sent %q", got)
	}
	r.check()
	// After a restart, the same day, they don't come again.
	now = now.Add(time.Hour)
	(&reminders{app: a, store: store, now: clock}).check()
	if got := a.notifications(); len(got) != 2 {
		t.Fatalf("sent again: %q", got)
	}
	// The next day the daily one does; the session is today, so not that.
	now = now.AddDate(0, 0, 1)
	r.check()
	if got := a.notifications(); !slices.Equal(got[2:], []string{dailyReminderText}) {
		t.Errorf("the next day sent %q", got[2:])
	}
}

func TestReminders_OffByDefault(t *testing.T) {
	a := newRecordingApp(t)
	store := mustOpenJournal(t)
	now := time.Date(2026, 11, 25, 21, 0, 0, 0, time.Local)
	store.SetSetting(journal.SettingNextSession, now.AddDate(0, 0, 1).Format(time.RFC3339))
	(&reminders{app: a, store: store, now: func() time.Time { return now }}).check()
	if got := a.notifications(); len(got) != 0 {
		t.Errorf("sent %q with the reminders never turned on", got)
	}
}

func TestReminders_StartLooksAtOnceAndStops(t *testing.T) {
	a := newRecordingApp(t)
	a.Preferences().SetBool(prefDailyReminder, true)
	a.Preferences().SetString(prefReminderTime, "06:00")
	r := startReminders(a, mustOpenJournal(t), func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local) })
	defer r.stop()
	deadline := time.Now().Add(5 * time.Second)
	for len(a.notifications()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := a.notifications(); !slices.Equal(got, []string{dailyReminderText}) {
		t.Errorf("sent %q on starting", got)
	}
	r.stop()
	r.stop() // twice is harmless
}

func TestParseClock(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "" when it is refused
	}{
		{"20:00", "20:00"}, {"8:30", "08:30"}, {" 07:05 ", "07:05"}, {"0:00", "00:00"}, {"23:59", "23:59"},
		{"24:00", ""}, {"12:60", ""}, {"8", ""}, {"8.30", ""}, {"8:3", ""}, {"", ""}, {"-1:00", ""}, {"+8:00", ""}, {"8pm", ""}, {"123:00", ""},
	} {
		h, m, err := parseClock(c.text)
		got := ""
		if err == nil {
			got = formatClock(h, m)
		} else if !strings.Contains(err.Error(), "like 08:30 or 20:00") {
			t.Errorf("%q: the message doesn't say how to write it: %v", c.text, err)
		}
		if got != c.want {
			t.Errorf("parseClock(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// FuzzParseClock: a time read is a real time of day, written back the
// same way it reads.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"20:00", "8:30", "24:00", "12:60", "", "8pm", "07:5", "٣:٠٠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		h, m, err := parseClock(text)
		if err != nil {
			return
		}
		if h < 0 || h > 23 || m < 0 || m > 59 {
			t.Fatalf("%q read as %d:%d", text, h, m)
		}
		h2, m2, err := parseClock(formatClock(h, m))
		if err != nil || h2 != h || m2 != m {
			t.Fatalf("%q: %s reads back as %d:%d, %v", text, formatClock(h, m), h2, m2, err)
		}
	})
}

func TestSetupTray_OffersOpenNewEntryAndQuit(t *testing.T) {
	reachable := trayReachable
	t.Cleanup(func() { trayReachable = reachable })
	trayReachable = func() bool { return true }
	a := newRecordingApp(t)
	var did []string
	ok := setupTray(a, func() { did = append(did, "show") }, func() { did = append(did, "new") }, func() { did = append(did, "quit") })
	if !ok || a.tray == nil {
		t.Fatal("no tray menu on a desktop app")
	}
	var labels []string
	for _, it := range a.tray.Items {
		if it.IsSeparator {
			continue
		}
		labels = append(labels, it.Label)
		it.Action()
	}
	if !slices.Equal(labels, []string{"Open Throughline", "New entry", "Quit"}) || !slices.Equal(did, []string{"show", "new", "quit"}) {
		t.Errorf("tray menu %q did %q", labels, did)
	}
	if last := a.tray.Items[len(a.tray.Items)-1]; !last.IsQuit {
		t.Error("Quit isn't marked as quitting: Fyne would add its own, which loses the draft")
	}
	if setupTray(test.NewTempApp(t), nil, nil, nil) {
		t.Error("a tray was set up on an app without one")
	}
}

func TestSetupTray_NoneWithoutASessionBus(t *testing.T) {
	reachable := trayReachable
	t.Cleanup(func() { trayReachable = reachable })
	trayReachable = func() bool { return false }
	a := newRecordingApp(t)
	if setupTray(a, func() {}, func() {}, func() {}) || a.tray != nil {
		t.Error("a tray was set up with no session bus: Fyne's tray would crash the app as it quits")
	}
}

func TestSessionBusReachable(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the session bus is looked for on Linux and the BSDs only")
	}
	dir := t.TempDir()
	bus := filepath.Join(dir, "bus")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: bus}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 1); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	for _, c := range []struct {
		address, runtimeDir string
		want                bool
	}{
		{"unix:path=" + bus, empty, true},
		{"unix:path=" + filepath.Join(empty, "bus"), dir, false},
		{"unix:path=" + filepath.Join(empty, "bus") + ";unix:path=" + bus, empty, true},
		{"unix:path=" + strings.ReplaceAll(bus, "/", "%2f") + ",guid=1234", empty, true},
		{"", dir, true},
		{"autolaunch:", dir, true},
		{"", empty, false},
		{"tcp:host=localhost,port=1234", empty, true},
	} {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", c.address)
		t.Setenv("XDG_RUNTIME_DIR", c.runtimeDir)
		if got := sessionBusReachable(); got != c.want {
			t.Errorf("address %q, runtime dir %q: reachable %v, want %v", c.address, c.runtimeDir, got, c.want)
		}
	}
}
