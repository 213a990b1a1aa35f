package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// Preference keys for the reminders. Both reminders are off until the
// person turns them on in Settings.
const (
	prefDailyReminder   = "reminder_daily"        // bool: a reminder to write each day
	prefSessionReminder = "reminder_session"      // bool: a reminder the day before the next session
	prefReminderTime    = "reminder_time"         // "HH:MM", local time, for both
	prefDailySent       = "reminder_daily_sent"   // "2006-01-02": the day the daily reminder last came
	prefSessionSent     = "reminder_session_sent" // "2006-01-02": the day the session reminder last came
)

// defaultReminderTime is an evening hour, when a day can be looked back on.
const defaultReminderTime = "20:00"

// reminderCheck is how often the reminders are looked at.
const reminderCheck = time.Minute

// The reminders' words: an offer, never a nudge.
const (
	reminderTitle       = "Throughline"
	dailyReminderText   = "A few minutes to write today?"
	sessionReminderText = "Your session is tomorrow: want to prepare what to bring?"
)

const sentLayout = "2006-01-02"

// reminderPrefs are the reminders as the person set them.
type reminderPrefs struct {
	daily, session bool
	hour, minute   int // when they come, local time
}

// lastSent is the day each reminder last came, "" for never, so none
// comes twice in a day, a restart included.
type lastSent struct {
	daily, session string // sentLayout
}

// readReminderPrefs reads the reminders from the preferences.
func readReminderPrefs(p fyne.Preferences) reminderPrefs {
	r := reminderPrefs{
		daily:   p.BoolWithFallback(prefDailyReminder, false),
		session: p.BoolWithFallback(prefSessionReminder, false),
	}
	var err error
	if r.hour, r.minute, err = parseClock(p.StringWithFallback(prefReminderTime, defaultReminderTime)); err != nil {
		r.hour, r.minute, _ = parseClock(defaultReminderTime)
	}
	return r
}

func readLastSent(p fyne.Preferences) lastSent {
	return lastSent{daily: p.String(prefDailySent), session: p.String(prefSessionSent)}
}

// parseClock reads a time of day on the 24-hour clock, like 20:00 or
// 8:30.
func parseClock(text string) (hour, minute int, err error) {
	text = strings.TrimSpace(text)
	h, m, ok := strings.Cut(text, ":")
	if ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 {
		hour, herr := strconv.ParseUint(h, 10, 8)
		minute, merr := strconv.ParseUint(m, 10, 8)
		if herr == nil && merr == nil && hour < 24 && minute < 60 {
			return int(hour), int(minute), nil
		}
	}
	if text == "" {
		return 0, 0, journal.Errorf(journal.EInvalid, "The reminder time is empty. Write it on the 24-hour clock, like 08:30 or 20:00.")
	}
	return 0, 0, journal.Errorf(journal.EInvalid, "%q isn't a time of day Throughline can read. Write it on the 24-hour clock, like 08:30 or 20:00.", text)
}

// formatClock writes a time of day the way parseClock reads it.
func formatClock(hour, minute int) string { return fmt.Sprintf("%02d:%02d", hour, minute) }

// dailyDue reports whether the daily reminder should come now: it is
// on, its time has come today, and it hasn't come today yet.
func dailyDue(prefs reminderPrefs, last lastSent, now time.Time) bool {
	return prefs.daily && timeHasCome(prefs, now) && last.daily != now.Format(sentLayout)
}

// sessionDue reports whether the session reminder should come now: it is
// on, the next session is tomorrow, the reminder time has come today,
// and it hasn't come today yet.
func sessionDue(prefs reminderPrefs, last lastSent, nextSession, now time.Time) bool {
	if !prefs.session || nextSession.IsZero() || !timeHasCome(prefs, now) || last.session == now.Format(sentLayout) {
		return false
	}
	session := nextSession.In(now.Location())
	tomorrow := now.AddDate(0, 0, 1)
	return session.Year() == tomorrow.Year() && session.YearDay() == tomorrow.YearDay()
}

func timeHasCome(prefs reminderPrefs, now time.Time) bool {
	return now.Hour() > prefs.hour || (now.Hour() == prefs.hour && now.Minute() >= prefs.minute)
}

// dueReminders are the reminders to send now; none when nothing is due.
func dueReminders(prefs reminderPrefs, last lastSent, nextSession time.Time, now time.Time) []fyne.Notification {
	var due []fyne.Notification
	if dailyDue(prefs, last, now) {
		due = append(due, fyne.Notification{Title: reminderTitle, Content: dailyReminderText})
	}
	if sessionDue(prefs, last, nextSession, now) {
		due = append(due, fyne.Notification{Title: reminderTitle, Content: sessionReminderText})
	}
	return due
}

// afterSending is last once the reminders due now have been sent.
func (last lastSent) afterSending(prefs reminderPrefs, nextSession, now time.Time) lastSent {
	today := now.Format(sentLayout)
	if dailyDue(prefs, last, now) {
		last.daily = today
	}
	if sessionDue(prefs, last, nextSession, now) {
		last.session = today
	}
	return last
}

// reminderStore is what the reminders need from the journal.
type reminderStore interface {
	Setting(key string) (string, error)
}

var _ reminderStore = (*jstore.Store)(nil)

// reminders sends the reminders that are due, as desktop notifications,
// while the app runs.
type reminders struct {
	app   fyne.App
	store reminderStore
	now   func() time.Time

	stopOnce sync.Once
	stopped  chan struct{}
}

// startReminders looks at the reminders now and every minute after, off
// the UI goroutine, until stop. Whatever the person set in Settings
// counts from the next minute.
func startReminders(a fyne.App, store reminderStore, now func() time.Time) *reminders {
	r := &reminders{app: a, store: store, now: now, stopped: make(chan struct{})}
	go func() {
		ticker := time.NewTicker(reminderCheck)
		defer ticker.Stop()
		for {
			r.check()
			select {
			case <-ticker.C:
			case <-r.stopped:
				return
			}
		}
	}()
	return r
}

// stop ends the reminders; calling it again does nothing.
func (r *reminders) stop() {
	r.stopOnce.Do(func() { close(r.stopped) })
}

// check reads the next session's date, then sends what is due and notes
// the day it was sent, on the UI goroutine.
func (r *reminders) check() {
	next := r.nextSession()
	now := r.now()
	fyne.Do(func() {
		p := r.app.Preferences()
		prefs, last := readReminderPrefs(p), readLastSent(p)
		for _, n := range dueReminders(prefs, last, next, now) {
			r.app.SendNotification(&n)
		}
		sent := last.afterSending(prefs, next, now)
		if sent.daily != last.daily {
			p.SetString(prefDailySent, sent.daily)
		}
		if sent.session != last.session {
			p.SetString(prefSessionSent, sent.session)
		}
	})
}

// nextSession is the next session's date as the Sessions screen keeps
// it, or zero when none is set or it can't be read.
func (r *reminders) nextSession() time.Time {
	text, err := r.store.Setting(journal.SettingNextSession)
	if err != nil {
		fyne.LogError("reading the next session's date for its reminder", err)
		return time.Time{}
	}
	repeat, err := r.store.Setting(journal.SettingNextSessionRepeat)
	if err != nil {
		fyne.LogError("reading how the next session repeats", err)
	}
	return journal.NextSession(text, repeat, r.now())
}

// setupTray puts Throughline in the system tray, where the desktop has
// one: open the window, start a new entry, or quit. It reports whether
// it could. The tray shows the app's icon, so set that first.
func setupTray(a fyne.App, show, newEntry, quit func()) bool {
	desk, ok := a.(desktop.App)
	if !ok || !trayReachable() {
		return false
	}
	// Quit is ours, last and marked so, or Fyne would add its own, which
	// quits without keeping what is being typed.
	quitItem := fyne.NewMenuItem("Quit", quit)
	quitItem.IsQuit = true
	desk.SetSystemTrayMenu(fyne.NewMenu("Throughline",
		fyne.NewMenuItem("Open Throughline", show),
		fyne.NewMenuItem("New entry", newEntry),
		fyne.NewMenuItemSeparator(),
		quitItem,
	))
	return true
}

// trayReachable reports whether the tray can be set up; tests replace it.
var trayReachable = sessionBusReachable

// sessionBusReachable reports whether the desktop's session bus answers.
// On Linux and the BSDs the tray talks to the desktop through it, and
// Fyne's tray (fyne.io/systray) crashes the app as it quits when there
// is none, as under a bare X server: no tray is better than that.
func sessionBusReachable() bool {
	if runtime.GOOS != "linux" && !strings.HasSuffix(runtime.GOOS, "bsd") {
		return true
	}
	addresses := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addresses == "" || addresses == "autolaunch:" {
		dir := os.Getenv("XDG_RUNTIME_DIR")
		if dir == "" {
			dir = fmt.Sprintf("/run/user/%d", os.Getuid())
		}
		addresses = "unix:path=" + filepath.Join(dir, "bus")
	}
	for _, address := range strings.Split(addresses, ";") {
		transport, params, _ := strings.Cut(address, ":")
		if transport != "unix" {
			return true // tcp and the like: trust it
		}
		for _, param := range strings.Split(params, ",") {
			key, value, _ := strings.Cut(param, "=")
			if v, err := url.PathUnescape(value); err == nil {
				value = v
			}
			socket := ""
			switch key {
			case "path":
				socket = value
			case "abstract":
				socket = "@" + value
			}
			if socket == "" {
				continue
			}
			if unixSocketListening(socket) {
				return true
			}
		}
	}
	return false
}

// unixSocketListening connects to a local socket and hangs up. It uses
// syscall rather than package net: Throughline's own code links nothing
// that could reach a network, which a test checks.
func unixSocketListening(path string) bool {
	// Non-blocking, so a listener whose queue is full answers EAGAIN at
	// once rather than keeping us waiting: it is there all the same.
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC|syscall.SOCK_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	err = syscall.Connect(fd, &syscall.SockaddrUnix{Name: path}) // "@name" is an abstract socket
	return err == nil || err == syscall.EAGAIN || err == syscall.EINPROGRESS
}
