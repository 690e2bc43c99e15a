// Prints "UID<TAB>UTC start<TAB>TZID or -<TAB>floating?<TAB>SUMMARY as a JSON string" for every VEVENT of the .ics file given,
// as ical.js reads it. A TZID without its VTIMEZONE makes ical.js read the time as floating.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const tzid = vevent.getFirstProperty('dtstart').getParameter('tzid') || '-';
  const floating = start.isDate ? 'date' : (start.zone && start.zone.tzid === 'floating' ? 'floating' : 'zoned');
  console.log([event.uid, start.isDate ? start.toString() : start.toJSDate().toISOString(), tzid, floating,
    JSON.stringify(event.summary)].join('\t'));
}
