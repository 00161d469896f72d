package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gofrs/flock"
)

// An outLock is a run's hold on its output folder OUT (docs/outputs.md,
// Output folder). Everything a run writes besides OUT sits beside it under
// names derived from OUT's, so that the next run of the same OUT can find it:
//
//	.midreview-NAME.lock   the lock (flock / LockFileEx) with the pid and host
//	.midreview-NAME.work/  the run's own folder: out/ (the next OUT) and tmp/
//	                       (excelize's temporary files)
//	NAME.old-midreview/    the previous OUT during the swap
//	NAME.problems.csv      the problems of a run stopped by input errors
//
// The operating system releases the lock when the process ends, however it
// ends, so a lock file nobody holds is a crashed run's: taking it, a run first
// restores OUT if a crash came between the swap's two renames, then removes
// the crashed run's debris. A live run's lock is never taken, so its folders
// are never touched.
type outLock struct {
	out              string // OUT as given (cleaned), for messages
	lock, work, old  string // the paths above
	problems         string
	fl               *flock.Flock
	mu               sync.RWMutex // held while the swap renames, shared while a file is written; abort takes it
	released         bool
	stderr           io.Writer
	restored, legacy string // what acquire restored (for tests and messages)
}

// errBusy marks a second run into an OUT that a live run holds.
var errBusy = errors.New("出力フォルダが使用中です")

// outPaths returns the lock, work, old and problems paths of OUT.
func outPaths(out string) (lock, work, old, problems string) {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	dir, name := filepath.Dir(abs), filepath.Base(abs)
	return filepath.Join(dir, ".midreview-"+name+".lock"),
		filepath.Join(dir, ".midreview-"+name+".work"),
		filepath.Join(dir, name+".old-midreview"),
		filepath.Join(filepath.Dir(out), name+".problems.csv")
}

// problemsPath returns where a run stopped by input errors, and check, write
// their problems: OUT.problems.csv beside OUT.
func problemsPath(out string) string {
	_, _, _, p := outPaths(filepath.Clean(out))
	return p
}

// lockInfoSize is the room for the owner's description in the lock file,
// from byte 1 on.
// Note: LockFileEx (gofrs/flock on Windows) locks byte 0 only, so the rest of
// the file can be written by the owner and read by a second run on every
// system; it is padded with spaces instead of truncated, since truncating a
// locked file fails on Windows.
const lockInfoSize = 256

// acquireOut takes the lock of OUT, restores OUT when a crashed run left it
// only as NAME.old-midreview, and removes what crashed runs of OUT left. A live
// run holding OUT makes it fail with errBusy, naming that run.
func acquireOut(out string, stderr io.Writer) (*outLock, error) {
	l := &outLock{out: out, stderr: stderr}
	l.lock, l.work, l.old, l.problems = outPaths(out)
	if err := os.MkdirAll(filepath.Dir(l.lock), 0o755); err != nil {
		return nil, fmt.Errorf("出力先のフォルダを作れません: %w", err)
	}
	for try := 0; ; try++ {
		fl := flock.New(l.lock)
		ok, err := fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("出力フォルダ %s をロックできません（%s）: %w", out, l.lock, err)
		}
		if !ok {
			return nil, fmt.Errorf("%w: %s は別の midreview が使っています（%s）。その実行が終わってから、もう一度実行してください。実行中のものがないのにこの表示が出るときは %s を削除してください",
				errBusy, out, readLockInfo(l.lock), l.lock)
		}
		// Note: a run that ends removes the lock file; one that opened it just
		// before may then hold a lock on a file no longer there. Holding the
		// file the path names is what counts.
		st1, err1 := fl.Stat()
		st2, err2 := os.Stat(l.lock)
		if err1 == nil && err2 == nil && os.SameFile(st1, st2) {
			l.fl = fl
			break
		}
		fl.Close()
		if try == 5 {
			return nil, fmt.Errorf("出力フォルダ %s をロックできません（%s）", out, l.lock)
		}
	}
	l.writeInfo()
	if err := l.recover(); err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// writeInfo writes the owner's pid, host and start time into the lock file.
func (l *outLock) writeInfo() {
	host, _ := os.Hostname()
	info := fmt.Sprintf("pid %d、ホスト %s、開始 %s", os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))
	b := []byte(info)
	if len(b) > lockInfoSize {
		b = b[:lockInfoSize]
	}
	b = append(b, []byte(strings.Repeat(" ", lockInfoSize-len(b)))...)
	f, err := os.OpenFile(l.lock, os.O_WRONLY, 0)
	if err != nil {
		return
	}
	f.WriteAt(b, 1)
	f.Close()
}

// readLockInfo returns the description a live run wrote into lock.
func readLockInfo(lock string) string {
	f, err := os.Open(lock)
	if err != nil {
		return "詳細不明"
	}
	defer f.Close()
	b := make([]byte, lockInfoSize)
	n, _ := f.ReadAt(b, 1)
	s := strings.TrimSpace(strings.ToValidUTF8(string(b[:n]), ""))
	if s == "" {
		return "詳細不明"
	}
	return s
}

// legacyOld matches the NAME.old-* folders of versions before the lock, whose
// suffix os.MkdirTemp chose (decimal digits).
var legacyOld = regexp.MustCompile(`\.old-[0-9]+$`)

// recover puts OUT back when a run was killed between the swap's renames
// (OUT missing, the previous OUT at NAME.old-midreview), then removes the
// work folder and NAME.old-midreview of crashed runs.
func (l *outLock) recover() error {
	if _, err := os.Lstat(l.out); errors.Is(err, fs.ErrNotExist) {
		from := ""
		if st, err := os.Stat(l.old); err == nil && st.IsDir() {
			from = l.old
		} else {
			from = l.legacyOld()
		}
		if from != "" {
			if err := os.Rename(from, l.out); err != nil {
				return fmt.Errorf("前回の実行が出力の置き換え中に止まりました。%s を %s に戻せません: %w", from, l.out, err)
			}
			l.restored = from
			fmt.Fprintf(l.stderr, "前回の実行が出力の置き換え中に止まっていたため、前回の出力 %s を %s に戻しました。\n", from, l.out)
		}
	}
	for _, p := range []string{l.work, l.old} {
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("前回の実行が残した %s を削除できません: %w", p, err)
		}
	}
	return nil
}

// legacyOld returns the newest NAME.old-DIGITS folder holding a manifest.json,
// left by a version before the lock killed between its renames ("" = none).
func (l *outLock) legacyOld() string {
	abs, err := filepath.Abs(l.out)
	if err != nil {
		return ""
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(abs), globEscape(filepath.Base(abs))+".old-*"))
	type cand struct {
		path string
		mod  time.Time
	}
	var cs []cand
	for _, m := range matches {
		if !legacyOld.MatchString(m) {
			continue
		}
		st, err := os.Stat(filepath.Join(m, "manifest.json"))
		if err != nil {
			continue
		}
		cs = append(cs, cand{m, st.ModTime()})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].mod.After(cs[j].mod) })
	if len(cs) == 0 {
		return ""
	}
	return cs[0].path
}

// globEscape escapes the pattern characters of a file name for filepath.Glob.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// newOut returns the folder the outputs are written to before the swap.
func (l *outLock) newOut() string { return filepath.Join(l.work, "out") }

// tmpDir returns the run's temporary folder (excelize's files).
func (l *outLock) tmpDir() string { return filepath.Join(l.work, "tmp") }

// prepare creates the work folder with its out/ and tmp/.
func (l *outLock) prepare() error {
	if err := os.RemoveAll(l.work); err != nil {
		return err
	}
	for _, d := range []string{l.newOut(), l.tmpDir()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// release removes the work folder and the lock file and lets go of the lock.
// Safe to call twice.
func (l *outLock) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.releaseLocked()
}

// releaseLocked is release with l.mu held.
func (l *outLock) releaseLocked() {
	if l.released {
		return
	}
	l.released = true
	os.RemoveAll(l.work)
	// Note: removed while held, so that no run takes a lock on a file that is
	// about to go; Windows refuses to remove an open file, so it is tried
	// again once closed.
	removed := os.Remove(l.lock) == nil
	l.fl.Close()
	if !removed {
		os.Remove(l.lock)
	}
}

// abort is the signal handler's cleanup: it waits for a swap or a file
// write in progress to end, then removes the work folder and the lock (OUT is
// then whole: the previous one or the new one). It keeps l.mu, so that
// nothing is written again before the process exits.
func (l *outLock) abort() {
	l.mu.Lock()
	l.releaseLocked()
}

// locked runs fn with l.mu held, unless the run was released (aborted).
func (l *outLock) locked(fn func() error) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.released {
		return errors.New("中断しました")
	}
	return fn()
}

// sharedLocked runs fn with l.mu held shared (outputs written side by side),
// unless the run was released (aborted).
func (l *outLock) sharedLocked(fn func() error) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.released {
		return errors.New("中断しました")
	}
	return fn()
}

// swapHook, when set by a test, runs after each rename of the swap: stage
// "old" after OUT became NAME.old-midreview, "new" after the new folder
// became OUT.
var swapHook func(stage string)

// swapIn replaces OUT with the folder tmp: OUT is renamed to NAME.old-midreview,
// tmp to OUT, and the old folder removed. If the second rename fails the old
// folder is put back; if the process dies between the renames, the next run's
// acquireOut puts it back.
func (l *outLock) swapIn(tmp string) error {
	return l.locked(func() error { return l.swapInLocked(tmp) })
}

func (l *outLock) swapInLocked(tmp string) error {
	out, old := l.out, l.old
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("出力フォルダ %s を作れません: %w", out, err)
		}
		return nil
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("出力フォルダを置き換えられません: %w", err)
	}
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("出力フォルダ %s を置き換えられません。中のファイル（PDF・Excel など）を開いていれば閉じてから、もう一度実行してください: %w", out, err)
	}
	if swapHook != nil {
		swapHook("old")
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("出力フォルダを置き換えられません。前回の出力は %s にあります（次の実行で元に戻します）: %w", old, err)
		}
		return fmt.Errorf("出力フォルダ %s を置き換えられません: %w", out, err)
	}
	if swapHook != nil {
		swapHook("new")
	}
	if err := os.RemoveAll(old); err != nil {
		// The new outputs are in place; the next run removes the rest.
		fmt.Fprintf(l.stderr, "警告: 前回の出力 %s を削除できませんでした: %v\n", old, err)
	}
	return nil
}

// onSignal makes SIGINT (Ctrl+C) and SIGTERM end the run cleanly: once a swap
// in progress is over, the run's folder and lock are removed and the process
// exits with status 2, OUT whole (the previous or the new one). It returns the
// function that stops listening.
func onSignal(l *outLock, stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			l.abort()
			fmt.Fprintf(stderr, "\n中断しました。作りかけの出力は削除しました（%s はそのままです）。\n", l.out)
			os.Exit(2)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
