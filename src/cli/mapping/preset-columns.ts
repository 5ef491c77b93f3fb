/**
 * The columns of the formats shipped as presets, to recognise their headers in a plain
 * CSV and point to the preset (a test checks these against `presets/*.json`).
 */
export const PRESET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  'asterisk-cdr': [
    'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata',
    'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield',
  ],
  'vicidial-log': [
    'uniqueid', 'lead_id', 'list_id', 'campaign_id', 'call_date', 'start_epoch', 'end_epoch', 'length_in_sec', 'status',
    'phone_code', 'phone_number', 'user', 'comments', 'processed', 'user_group', 'term_reason', 'alt_dial', 'called_count',
  ],
};
