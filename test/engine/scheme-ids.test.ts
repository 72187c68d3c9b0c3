/** The rating ladders the engine uses without the scheme model (src/engine/scheme/ids.ts) are the model's reading of ladders.json. */
import { z } from 'zod';
import LADDER_DATA from '../../src/engine/scheme/ladders.json';
import { LADDERS } from '../../src/engine/scheme/ids';
import { schemeModel } from '../../src/engine/scheme/model';

it('the rating ladders, used without the model, are as the model reads them', () => {
  expect(Object.keys(LADDERS)).toEqual(['hege', 'shifou', 'youwu']);
  expect(LADDERS).toStrictEqual(z.record(z.string(), z.array(schemeModel().RatingWord).min(1)).parse(LADDER_DATA));
});
