import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Target = Parameters<Storage['getTargetValidationMetadatas']>[0];
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;

const cached = new WeakSet<Storage>();

/**
 * class-validator finds a class's rules by scanning every decorated class on each call, to collect
 * the inherited ones (typestack/class-validator#2686, open), and Nest's ValidationPipe asks twice
 * per request. A class's rules are complete once its module has loaded, before anything can be
 * validated against it, so the answer is kept per class and options after the first lookup. Classes
 * loaded later register only their own rules and never change an earlier class's answer.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage();
  if (cached.has(storage)) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const byTarget = new WeakMap<Target, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let answers = byTarget.get(target);
    if (!answers) byTarget.set(target, (answers = new Map()));
    const key = JSON.stringify([schema, always, strictGroups, groups]);
    let rules = answers.get(key);
    if (!rules) answers.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  cached.add(storage);
}
