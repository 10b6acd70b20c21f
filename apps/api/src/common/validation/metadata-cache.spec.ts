import { PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Min, getMetadataStorage, validate } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

class Base {
  @IsString()
  @Length(2, 10)
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  size!: number;
}

const fields = async (target: object) => (await validate(target)).map((e) => e.property).sort();

describe('cacheValidationMetadata', () => {
  it("keeps each class's rules, inherited ones included, and answers as class-validator does", async () => {
    const storage = getMetadataStorage();
    const before = storage.getTargetValidationMetadatas(Child, '', false, false);
    cacheValidationMetadata();
    cacheValidationMetadata(); // a second install keeps the first
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(first).toEqual(before);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);

    expect(await fields(Object.assign(new Child(), { name: 'x', size: 0 }))).toEqual(['name', 'size']);
    expect(await fields(Object.assign(new Child(), { name: '轨道交通', size: 3 }))).toEqual([]);
    expect(await fields(Object.assign(new Base(), { name: 'x', size: 0 }))).toEqual(['name']);
  });

  it('a class made after the first lookups (a mapped type) still gets its own rules', async () => {
    cacheValidationMetadata();
    await fields(new Child());
    class LaterPatch extends PartialType(Child) {
      @IsOptional()
      @IsString()
      note?: string;
    }
    expect(await fields(Object.assign(new LaterPatch(), { note: 5 }))).toEqual(['note']);
    expect(await fields(Object.assign(new LaterPatch(), { size: 0, note: 'ok' }))).toEqual(['size']);
    expect(await fields(new LaterPatch())).toEqual([]);
  });
});
