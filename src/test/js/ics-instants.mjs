// Prints "FILE<TAB>UID<TAB>UTC start<TAB>UTC end" for every VEVENT of each .ics file given, as ical.js reads it:
// each file's own VTIMEZONEs, and nothing else, place its events in time.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

for (const file of process.argv.slice(2)) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const utc = (time) => time.isDate ? time.toString() : time.toJSDate().toISOString();
    console.log([file, event.uid, utc(event.startDate), utc(event.endDate)].join('\t'));
  }
}
