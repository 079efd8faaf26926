// The rows both writers write: N clean rows of the bench list's shape (8 text columns).
export const HEADER = ['id', 'ФИО', 'Телефон', 'Город', 'source', 'phone_e164', 'consent_id', 'audit_removed'];
const NAMES = ['Анна Смирнова', 'Борис Иванов', 'Вера Кузнецова', 'Григорий Попов', 'Дарья Соколова'];
const CITIES = ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск'];
export function* rows(n) {
  for (let i = 0; i < n; i++) {
    const phone = String(79160000000 + ((i * 7919) % 9999999));
    yield [String(i + 1).padStart(7, '0'), NAMES[i % 5], `8 (${phone.slice(1, 4)}) ${phone.slice(4, 7)}-${phone.slice(7, 9)}-${phone.slice(9)}`, CITIES[i % 4], 'ООО «Лиды»', `+${phone}`, `C-${100000 + i}`, ''];
  }
}
